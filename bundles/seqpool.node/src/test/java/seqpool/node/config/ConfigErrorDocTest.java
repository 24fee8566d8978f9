package seqpool.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The {@code config error:} lines docs/configuration.md shows are the ones the loader prints, word for word. */
class ConfigErrorDocTest {
    private static final Path DOC = Path.of("../../docs/configuration.md");

    /** The documented line's key → a file that makes the loader say it. */
    private static final Map<String, String> INPUT = Map.of(
            "p2p.listenPort", "p2p:\n  listenPort: 70000\n",
            "p2p.listenPortt", "p2p:\n  listenPortt: 7400\n",
            "p2p.peers[0]", "p2p:\n  peers: [\"10.0.0.2:7400\"]\n",
            "admin.host", "admin:\n  host: 10.0.0.5\n",
            "logging.level", "logging:\n  level: verbose\n");

    @Test
    void documentedErrorsAreTheRealOnes() throws Exception {
        List<String> lines = Files.readAllLines(DOC).stream().filter(l -> l.startsWith("config error: ")).toList();
        assertEquals(INPUT.size(), lines.size(), "documented error lines: " + lines);
        for (String line : lines) {
            String key = line.substring("config error: ".length(), line.indexOf(':', "config error: ".length()));
            String yaml = INPUT.get(key);
            ConfigException e = assertThrows(ConfigException.class,
                    () -> ConfigLoader.parse(new StringReader(yaml), Path.of("."), null), key);
            String real = "config error: " + e.getMessage();
            if (line.endsWith(", ...)")) { // the doc shortens a long list
                String head = line.substring(0, line.length() - "...)".length());
                assertEquals(head, real.substring(0, Math.min(real.length(), head.length())), real);
            } else {
                assertEquals(line, real);
            }
        }
    }
}
