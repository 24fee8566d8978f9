package seqpool.tss;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The protocol packages are pure: no transport, storage, OSGi, file or network I/O, no clock. Only
 * {@code seqpool.tss.host} (and the vault, which talks to the store API) may do I/O.
 */
class LayeringTest {
    private static final List<String> PURE = List.of("math", "frost", "vss", "share");
    private static final List<String> FORBIDDEN = List.of("import seqpool.api.p2p", "import seqpool.api.store",
            "import org.osgi", "import io.netty", "import java.net", "import java.nio.file", "import java.io.File",
            "System.currentTimeMillis", "System.nanoTime", "import java.time", "import seqpool.tss.host",
            "import seqpool.tss.keystore", "Thread.sleep");

    @Test
    void purePackagesDoNoIo() throws IOException {
        List<String> violations = new ArrayList<>();
        for (String pkg : PURE) {
            Path dir = Path.of("src/main/java/seqpool/tss", pkg);
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String src = Files.readString(f);
                    for (String bad : FORBIDDEN) {
                        if (src.contains(bad)) {
                            violations.add(f + ": " + bad);
                        }
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), () -> "pure packages doing I/O: " + violations);
        assertTrue(Files.exists(Path.of("src/main/java/seqpool/tss/vss/VssSession.java")), "test runs in the module dir");
    }
}
