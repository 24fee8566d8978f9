package seqpool.sequencer.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

/** What bnd made of the bundle (written to target/classes before the tests run). */
class BundleManifestTest {
    static final Path CLASSES = Path.of("target/classes");

    static Manifest manifest() throws IOException {
        try (InputStream in = Files.newInputStream(CLASSES.resolve("META-INF/MANIFEST.MF"))) {
            return new Manifest(in);
        }
    }

    @Test
    void declaresTheL2ProtocolAndExportsNothing() throws IOException {
        var main = manifest().getMainAttributes();
        assertEquals("seqpool.sequencer", main.getValue("Bundle-SymbolicName"));
        assertEquals("l2/1", main.getValue("Seqpool-Protocol"));
        assertNull(main.getValue("Export-Package"), "implementation packages stay private");
    }

    @Test
    void theComponentNeedsItsConfigurationAndProvidesTheChainAndTheProducer() throws IOException {
        String xml = Files.readString(CLASSES.resolve("OSGI-INF/seqpool.sequencer.host.SequencerComponent.xml"));
        assertTrue(xml.contains("configuration-policy=\"require\""), xml);
        assertTrue(xml.contains("configuration-pid=\"seqpool.sequencer\""), xml);
        for (String s : new String[] {"seqpool.api.sequencer.L2Chain", "seqpool.api.sequencer.BlockProducer"}) {
            assertTrue(xml.contains("<provide interface=\"" + s + "\"/>"), s);
        }
        for (String r : new String[] {"P2pNetwork", "KeyValueStore", "NodeSigner", "PosService"}) {
            assertTrue(xml.matches("(?s).*<reference name=\"\\w+\" interface=\"seqpool\\.api\\.[a-z0-9]+\\." + r + "\".*"), r);
        }
    }
}
