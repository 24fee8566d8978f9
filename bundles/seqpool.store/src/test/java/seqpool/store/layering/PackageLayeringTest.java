package seqpool.store.layering;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import seqpool.store.memory.InMemoryKeyValueStore;

/**
 * The exported and shared packages stay free of LMDB and OSGi services: other modules' unit tests use them without a
 * native library, and only {@code lmdb} and {@code host} touch I/O. Checks the compiled classes' constant pools.
 */
class PackageLayeringTest {
    private static final List<String> FORBIDDEN = List.of("org/lmdbjava", "seqpool/wrap/lmdb", "org/osgi/service",
            "seqpool/store/lmdb", "seqpool/store/host");

    @ParameterizedTest
    @ValueSource(strings = {"memory", "typed", "batch", "keys"})
    void pureLayersDoNotReferenceLmdbOrOsgi(String pkg) throws IOException, URISyntaxException {
        Path classes = Path.of(InMemoryKeyValueStore.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = classes.resolve("seqpool/store/" + pkg);
        assertTrue(Files.isDirectory(dir), "compiled package not found: " + dir);
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                String pool = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String bad : FORBIDDEN) {
                    if (pool.contains(bad)) {
                        offenders.add(f.getFileName() + " -> " + bad);
                    }
                }
            }
        }
        assertTrue(offenders.isEmpty(), "seqpool.store." + pkg + " must not depend on " + offenders);
    }
}
