package seqpool.consensus.arch;

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
 * The core packages stay pure: no threads, executors, clock, network, files or framework code. Fails when a source
 * file in one of them imports or calls any of the forbidden APIs.
 */
class CorePurityTest {
    static final List<String> CORE = List.of("round", "votes", "driver", "validators", "wire", "node");
    static final Pattern FORBIDDEN = Pattern.compile(
            "import\\s+(io\\.netty|java\\.nio\\.channels|java\\.nio\\.file|java\\.net|java\\.util\\.concurrent|java\\.io\\.File"
            + "|org\\.osgi\\.service|org\\.lmdbjava|org\\.web3j|java\\.time\\.Clock)"
            + "|System\\.currentTimeMillis|System\\.nanoTime|new Thread|Thread\\.sleep|Instant\\.now|ThreadLocalRandom");

    @Test
    void corePackagesDoNotTouchIo() throws IOException {
        Path root = Path.of("src/main/java/seqpool/consensus");
        List<String> offences = new ArrayList<>();
        int files = 0;
        for (String pkg : CORE) {
            try (Stream<Path> s = Files.walk(root.resolve(pkg))) {
                for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    String src = Files.readString(f);
                    var m = FORBIDDEN.matcher(src);
                    while (m.find()) {
                        offences.add(f + ": " + m.group());
                    }
                }
            }
        }
        assertTrue(files > 20, "found the core sources");
        assertTrue(offences.isEmpty(), "core packages must stay pure:\n" + String.join("\n", offences));
    }

    @Test
    void theCheckCanFail() {
        assertTrue(FORBIDDEN.matcher("import java.util.concurrent.Executors;").find());
        assertTrue(FORBIDDEN.matcher("import io.netty.channel.Channel;").find());
        assertTrue(FORBIDDEN.matcher("long t = System.currentTimeMillis();").find());
    }
}
