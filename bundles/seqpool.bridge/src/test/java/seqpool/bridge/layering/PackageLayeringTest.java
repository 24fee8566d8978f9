package seqpool.bridge.layering;

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
import org.junit.jupiter.params.provider.CsvSource;

import seqpool.bridge.follow.Follower;

/**
 * Only {@code l1} touches web3j and only {@code host} touches OSGi: the pure {@code follow} package references no
 * I/O library, no store implementation and no other bridge package; {@code record} reaches the store only through
 * the API and the typed columns. Checks the compiled classes' constant pools.
 */
class PackageLayeringTest {
    @ParameterizedTest(name = "{0} must not reference {1}")
    @CsvSource(delimiter = '|', value = {
        "follow | org/web3j, org/osgi/service, org/lmdbjava, seqpool/store/, seqpool/contracts, seqpool/bridge/l1,"
            + " seqpool/bridge/record, seqpool/bridge/host, java/net/, java/nio/file, java/io/File, java/lang/Thread,"
            + " java/lang/System$Logger",
        "record | org/web3j, org/osgi/service, org/lmdbjava, seqpool/store/lmdb, seqpool/contracts, seqpool/bridge/l1,"
            + " seqpool/bridge/host, java/net/",
        "l1     | org/osgi/service, org/lmdbjava, seqpool/store/, seqpool/bridge/record, seqpool/bridge/host",
    })
    void layersStayApart(String pkg, String forbidden) throws IOException, URISyntaxException {
        Path classes = Path.of(Follower.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = classes.resolve("seqpool/bridge/" + pkg.strip());
        assertTrue(Files.isDirectory(dir), "compiled package not found: " + dir);
        List<String> offenders = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                checked++;
                String pool = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String bad : forbidden.split(",")) {
                    if (pool.contains(bad.strip())) {
                        offenders.add(f.getFileName() + " -> " + bad.strip());
                    }
                }
            }
        }
        assertTrue(checked > 3, "too few classes checked in " + pkg);
        assertTrue(offenders.isEmpty(), "seqpool.bridge." + pkg.strip() + " must not depend on " + offenders);
    }
}
