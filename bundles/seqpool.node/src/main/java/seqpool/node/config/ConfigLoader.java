package seqpool.node.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the operator's YAML file and checks every key against {@link ConfigSchema} before anything starts: unknown
 * sections or keys, wrong types and out-of-range values are {@link ConfigException}s naming the key. Missing keys take
 * their defaults; relative paths are resolved against the file's directory; derived paths (key file, store, admin
 * token) are filled in. Stateless and thread-safe.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    public static NodeConfig load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("file", "no such file: " + file);
        } catch (IOException e) {
            throw new ConfigException("file", "cannot read " + file + ": " + e.getMessage());
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(new java.io.StringReader(text), base, file.toAbsolutePath());
    }

    /** The embedded defaults, paths resolved against {@code base}. */
    public static NodeConfig defaults(Path base) {
        try {
            return parse(new java.io.StringReader(""), base, null);
        } catch (ConfigException e) {
            throw new IllegalStateException("defaults are invalid", e);
        }
    }

    public static NodeConfig parse(Reader yaml, Path base, Path source) throws ConfigException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        Object root;
        try {
            root = new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (MarkedYAMLException e) {
            String where = e.getProblemMark() == null ? "" : " at line " + (e.getProblemMark().getLine() + 1);
            throw new ConfigException("file", "not valid YAML" + where + ": " + e.getProblem());
        } catch (YAMLException e) {
            throw new ConfigException("file", "not valid YAML: " + e.getMessage());
        }
        if (root != null && !(root instanceof Map)) {
            throw new ConfigException("file", "must be a map of sections (" + String.join(", ", ConfigSchema.sections())
                    + ")");
        }
        Map<String, Map<String, Object>> values = new LinkedHashMap<>();
        for (String section : ConfigSchema.sections()) {
            Map<String, Object> m = new LinkedHashMap<>();
            ConfigSchema.section(section).forEach((name, key) -> m.put(name, key.defaultValue()));
            values.put(section, m);
        }
        Set<String> present = new LinkedHashSet<>();
        if (root != null) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) root).entrySet()) {
                readSection(String.valueOf(e.getKey()), e.getValue(), values);
                present.add(String.valueOf(e.getKey()));
            }
        }
        checkAcrossKeys(values);
        checkPoolSections(present);
        resolvePaths(values, base);
        return new NodeConfig(values, present, source);
    }

    private static void readSection(String section, Object body, Map<String, Map<String, Object>> values)
            throws ConfigException {
        if (!values.containsKey(section)) {
            throw new ConfigException(section, "unknown section (known: " + String.join(", ", ConfigSchema.sections())
                    + ")");
        }
        if (body == null) {
            return;
        }
        if (!(body instanceof Map<?, ?> map)) {
            throw new ConfigException(section, "must be a map of keys, got " + ValueConverter.describe(body));
        }
        for (Map.Entry<?, ?> kv : map.entrySet()) {
            String name = String.valueOf(kv.getKey());
            ConfigKey key = ConfigSchema.key(section, name).orElseThrow(() -> new ConfigException(section + "." + name,
                    "unknown key (known in " + section + ": " + String.join(", ", ConfigSchema.section(section).keySet())
                            + ")"));
            values.get(section).put(name, ValueConverter.convert(key, kv.getValue()));
        }
    }

    /** Rules that relate two keys, as the p2p transport enforces them. */
    private static void checkAcrossKeys(Map<String, Map<String, Object>> values) throws ConfigException {
        Map<String, Object> p2p = values.get("p2p");
        long frame = ((Number) p2p.get("maxFrameBytes")).longValue();
        long queue = ((Number) p2p.get("sendQueueBytes")).longValue();
        if (queue < frame + 4) {
            throw new ConfigException("p2p.sendQueueBytes", "must hold one largest frame (at least maxFrameBytes + 4 = "
                    + (frame + 4) + "), got " + queue);
        }
        long min = ((Number) p2p.get("backoffMinMs")).longValue();
        long max = ((Number) p2p.get("backoffMaxMs")).longValue();
        if (max < min) {
            throw new ConfigException("p2p.backoffMaxMs", "must be at least backoffMinMs (" + min + "), got " + max);
        }
    }

    /** The pool's modules run together, on the staking section's L1 endpoint and contracts file. */
    private static void checkPoolSections(Set<String> present) throws ConfigException {
        if (present.contains("pos")) {
            for (String needed : java.util.List.of("staking", "consensus", "tss", "bridge", "sequencer")) {
                if (!present.contains(needed)) {
                    throw new ConfigException(needed, "the pos section runs the pool, which needs a " + needed
                            + " section too (it may be empty: defaults apply)");
                }
            }
        }
        for (String section : java.util.List.of("consensus", "bridge", "sequencer", "submitter")) {
            if (present.contains(section) && !present.contains("pos")) {
                throw new ConfigException(section, "runs only as part of the pool: add a pos section");
            }
        }
    }

    private static void resolvePaths(Map<String, Map<String, Object>> values, Path base) {
        for (ConfigKey key : ConfigSchema.keys()) {
            if (key.type() == ValueType.PATH) {
                String v = (String) values.get(key.section()).get(key.name());
                if (!v.isEmpty()) {
                    values.get(key.section()).put(key.name(), base.resolve(v).normalize().toString());
                }
            }
        }
        Path dataDir = Path.of((String) values.get("node").get("dataDir"));
        derive(values, "node", "keyFile", dataDir.resolve("node-key.json"));
        derive(values, "store", "path", dataDir.resolve("store"));
        derive(values, "admin", "tokenFile", dataDir.resolve("admin.token"));
    }

    private static void derive(Map<String, Map<String, Object>> values, String section, String name, Path dflt) {
        if (((String) values.get(section).get(name)).isEmpty()) {
            values.get(section).put(name, dflt.toString());
        }
    }
}
