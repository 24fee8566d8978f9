package seqpool.submitter.arch;

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
 * The batch format, the cut rule and the fee rule stay free of threads, clocks, files, network, framework code and
 * native code other than the compressor: only {@code host} has a component, only {@code blob} and {@code codec} touch
 * KZG. Fails when a source file of a pure package imports or calls one of them.
 */
class PurityTest {
    static final List<String> PURE = List.of("batch", "cut", "fee");
    static final Pattern FORBIDDEN = Pattern.compile(
            "import\\s+(io\\.netty|java\\.nio\\.channels|java\\.nio\\.file|java\\.net|java\\.util\\.concurrent"
                    + "|java\\.io\\.File|org\\.osgi|ethereum\\.ckzg4844|seqpool\\.wrap\\.kzg|java\\.time"
                    + "|seqpool\\.submitter\\.host|seqpool\\.submitter\\.blob\\.BlobKzg)"
                    + "|System\\.currentTimeMillis|System\\.nanoTime|new Thread|Thread\\.sleep|Instant\\.now"
                    + "|ThreadLocalRandom|new Random");

    @Test
    void pureRulesStayPure() throws IOException {
        Path root = Path.of("src/main/java/seqpool/submitter");
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
        assertTrue(files >= 12, "found the sources: " + files);
        assertTrue(offences.isEmpty(), "pure packages must stay pure:\n" + String.join("\n", offences));
    }

    @Test
    void theCheckCanFail() {
        assertTrue(FORBIDDEN.matcher("import ethereum.ckzg4844.CKZG4844JNI;").find());
        assertTrue(FORBIDDEN.matcher("import org.osgi.service.component.annotations.Component;").find());
        assertTrue(FORBIDDEN.matcher("long t = System.currentTimeMillis();").find());
    }
}
