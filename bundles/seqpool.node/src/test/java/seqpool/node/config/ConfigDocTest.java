package seqpool.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md documents exactly the keys of {@link ConfigSchema}, with their type and default: an undocumented
 * key, a stale row or a wrong default fails the build.
 */
class ConfigDocTest {
    private static final Path DOC = Path.of("../../docs/configuration.md");

    record Row(String type, String dflt) {
    }

    @Test
    void everyKeyIsDocumentedWithItsTypeAndDefault() throws Exception {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DOC)) {
            if (line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                String key = cells[1].trim().replace("`", "");
                assertTrue(rows.put(key, new Row(cells[2].trim(), cells[3].trim())) == null, "documented twice: " + key);
            }
        }
        Map<String, ConfigKey> schema = new LinkedHashMap<>();
        ConfigSchema.keys().forEach(k -> schema.put(k.path(), k));
        assertEquals(schema.keySet(), rows.keySet(), "keys in ConfigSchema vs docs/configuration.md");
        for (ConfigKey k : ConfigSchema.keys()) {
            Row row = rows.get(k.path());
            assertEquals(k.defaultText(), row.dflt(), "default of " + k.path());
            assertEquals(typeText(k), row.type(), "type of " + k.path());
        }
    }

    static String typeText(ConfigKey k) {
        return switch (k.type()) {
            case INT, LONG -> k.type().docName() + " " + k.min() + ".." + k.max();
            case ENUM -> "enum " + String.join(", ", k.allowed());
            default -> k.type().docName();
        };
    }
}
