package seqpool.node.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated configuration: every key of {@link ConfigSchema} has a value of its type (the file's or the default), paths
 * are absolute. Immutable and thread-safe. Built by {@link ConfigLoader}.
 */
public final class NodeConfig {
    private final Map<String, Map<String, Object>> sections;
    private final Set<String> sectionsInFile;
    private final Path source;

    NodeConfig(Map<String, Map<String, Object>> sections, Set<String> sectionsInFile, Path source) {
        this.sectionsInFile = Set.copyOf(sectionsInFile);
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        sections.forEach((s, m) -> copy.put(s, Collections.unmodifiableMap(new LinkedHashMap<>(m))));
        this.sections = Collections.unmodifiableMap(copy);
        this.source = source;
    }

    /** The file this was read from, or null for the embedded defaults. */
    public Path source() {
        return source;
    }

    /** Whether the file had this section (even empty); an optional section is published only then. */
    public boolean inFile(String section) {
        return sectionsInFile.contains(section);
    }

    public Map<String, Object> section(String section) {
        return sections.getOrDefault(section, Map.of());
    }

    public Object value(String path) {
        int dot = path.indexOf('.');
        Object v = section(path.substring(0, dot)).get(path.substring(dot + 1));
        if (v == null) {
            throw new IllegalArgumentException("no configuration key " + path);
        }
        return v;
    }

    public String string(String path) {
        return (String) value(path);
    }

    public Path path(String path) {
        return Path.of(string(path));
    }

    public int integer(String path) {
        return ((Number) value(path)).intValue();
    }

    public long longValue(String path) {
        return ((Number) value(path)).longValue();
    }

    public boolean bool(String path) {
        return (Boolean) value(path);
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String path) {
        return (List<String>) value(path);
    }

    /** The section as ConfigAdmin properties (lists become {@code String[]}), for PID {@code seqpool.<section>}. */
    public Dictionary<String, Object> properties(String section) {
        Hashtable<String, Object> d = new Hashtable<>();
        section(section).forEach((k, v) -> d.put(k, v instanceof List<?> l ? l.toArray(new String[0]) : v));
        d.put("seqpool.config.source", source == null ? "<defaults>" : source.toString());
        return d;
    }

    @Override
    public String toString() {
        return "NodeConfig" + sections;
    }
}
