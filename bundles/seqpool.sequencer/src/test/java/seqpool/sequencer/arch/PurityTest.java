package seqpool.sequencer.arch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The rules, the wire format, the store schema and the node stay free of threads, clocks, sockets, files, keys and
 * framework code: only {@code host} has them. Fails when a source file of another package imports or calls one.
 */
class PurityTest {
    static final List<String> PURE = List.of("chain", "wire", "store", "node", "forced");
    static final Pattern FORBIDDEN = Pattern.compile(
            "import\\s+(io\\.netty|java\\.nio\\.channels|java\\.nio\\.file|java\\.net|java\\.util\\.concurrent"
                    + "|java\\.io\\.File|org\\.osgi\\.service|org\\.lmdbjava|org\\.web3j|java\\.time"
                    + "|seqpool\\.api\\.p2p|seqpool\\.api\\.identity\\.NodeSigner|seqpool\\.codec\\.crypto\\.LocalNodeSigner"
                    + "|seqpool\\.sequencer\\.host)"
                    + "|System\\.currentTimeMillis|System\\.nanoTime|new Thread|Thread\\.sleep|Instant\\.now"
                    + "|ThreadLocalRandom|\\.sign\\(");

    @Test
    void onlyTheHostTouchesThreadsClocksNetworkAndKeys() throws IOException {
        Path root = Path.of("src/main/java/seqpool/sequencer");
        List<String> offences = new ArrayList<>();
        int files = 0;
        for (String pkg : PURE) {
            try (Stream<Path> s = Files.walk(root.resolve(pkg))) {
                for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    var m = FORBIDDEN.matcher(Files.readString(f));
                    while (m.find()) {
                        offences.add(f + ": " + m.group());
                    }
                }
            }
        }
        assertTrue(files >= 20, "found the sources: " + files);
        assertTrue(offences.isEmpty(), "pure packages must stay pure:\n" + String.join("\n", offences));
    }

    @Test
    void theCheckCanFail() {
        assertTrue(FORBIDDEN.matcher("import java.util.concurrent.Executors;").find());
        assertTrue(FORBIDDEN.matcher("import seqpool.api.p2p.P2pNetwork;").find());
        assertTrue(FORBIDDEN.matcher("long t = System.currentTimeMillis();").find());
        assertTrue(FORBIDDEN.matcher("EcdsaSignature s = signer.sign(digest);").find());
    }
}
