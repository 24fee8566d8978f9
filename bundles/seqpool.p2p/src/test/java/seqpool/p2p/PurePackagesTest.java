package seqpool.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only {@code seqpool.p2p.host} may do I/O or touch netty and OSGi; the protocol packages stay pure. */
class PurePackagesTest {
    private static final List<String> FORBIDDEN = List.of("import io.netty.", "import java.net.", "import java.nio.channels.",
            "import org.osgi.service.", "import javax.net.", "import java.io.File", "import java.nio.file.");

    @ParameterizedTest
    @ValueSource(strings = {"wire", "hello", "peer", "tls"})
    void packageDoesNoIo(String pkg) throws IOException {
        Path dir = Path.of(System.getProperty("basedir", "."), "src/main/java/seqpool/p2p", pkg);
        assertTrue(Files.isDirectory(dir), dir.toString());
        List<String> offending = new ArrayList<>();
        int files = 0;
        try (Stream<Path> sources = Files.list(dir)) {
            for (Path f : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                for (String line : Files.readAllLines(f)) {
                    // The trust manager implements javax.net.ssl.X509ExtendedTrustManager, whose signatures name
                    // SSLEngine and Socket: API types it receives but never uses for I/O.
                    boolean trustManagerSignature = line.startsWith("import javax.net.ssl.") || line.equals("import java.net.Socket;");
                    if (FORBIDDEN.stream().anyMatch(line::startsWith) && !trustManagerSignature) {
                        offending.add(f.getFileName() + ": " + line);
                    }
                }
            }
        }
        assertTrue(files > 0);
        assertEquals(List.of(), offending);
    }
}
