package seqpool.sequencer.rpc;

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
 * The backend contract, JSON and the dispatch stay free of netty, threads, clocks, sockets and the server: only
 * {@code rpc.server} has them, so the dispatch runs the same in unit tests and behind any transport.
 */
class RpcPurityTest {
    static final Path ROOT = Path.of("src/main/java/seqpool/sequencer/rpc");
    static final Pattern FORBIDDEN = Pattern.compile(
            "import\\s+(io\\.netty|java\\.nio\\.channels|java\\.nio\\.file|java\\.net|java\\.util\\.concurrent"
                    + "|java\\.io\\.File|org\\.osgi\\.service|java\\.time|seqpool\\.sequencer\\.rpc\\.server)"
                    + "|System\\.currentTimeMillis|System\\.nanoTime|new Thread|Thread\\.sleep|Instant\\.now"
                    + "|ThreadLocalRandom|synchronized\\s*\\(");

    @Test
    void onlyTheServerHasThreadsSocketsAndClocks() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(ROOT)) {
            s.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
        }
        for (String pkg : List.of("json", "dispatch")) {
            try (Stream<Path> s = Files.walk(ROOT.resolve(pkg))) {
                s.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
            }
        }
        List<String> offences = new ArrayList<>();
        for (Path f : files) {
            var m = FORBIDDEN.matcher(Files.readString(f));
            while (m.find()) {
                offences.add(f + ": " + m.group());
            }
        }
        assertTrue(files.size() >= 30, "found the sources: " + files.size());
        assertTrue(offences.isEmpty(), "pure packages must stay pure:\n" + String.join("\n", offences));
    }

    @Test
    void theCheckCanFail() {
        assertTrue(FORBIDDEN.matcher("import io.netty.channel.Channel;").find());
        assertTrue(FORBIDDEN.matcher("import java.util.concurrent.Executor;").find());
        assertTrue(FORBIDDEN.matcher("long t = System.nanoTime();").find());
        assertTrue(FORBIDDEN.matcher("import seqpool.sequencer.rpc.server.RpcServer;").find());
    }
}
