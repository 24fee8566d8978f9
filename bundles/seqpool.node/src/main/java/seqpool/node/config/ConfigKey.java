package seqpool.node.config;

import java.util.List;
import java.util.Objects;

/**
 * One documented configuration key: its section (the OSGi ConfigAdmin PID is {@code seqpool.<section>}), its name,
 * type, default and allowed range or words. Immutable.
 *
 * @param section      YAML section, e.g. {@code p2p}
 * @param name         key inside the section, e.g. {@code listenPort}
 * @param type         value type
 * @param defaultValue default, already of the published type (String, Integer, Long, Boolean, List of String)
 * @param min          lower bound for INT/LONG (inclusive)
 * @param max          upper bound for INT/LONG (inclusive)
 * @param allowed      allowed words for ENUM (lower case)
 * @param description  one line for docs/configuration.md
 */
public record ConfigKey(String section, String name, ValueType type, Object defaultValue, long min, long max,
        List<String> allowed, String description) {
    public ConfigKey {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        allowed = List.copyOf(allowed);
        if (min > max) {
            throw new IllegalArgumentException(section + "." + name + ": min > max");
        }
        if (type == ValueType.ENUM && !allowed.contains(defaultValue)) {
            throw new IllegalArgumentException(section + "." + name + ": default not among " + allowed);
        }
    }

    /** {@code section.name}. */
    public String path() {
        return section + "." + name;
    }

    /** The default as written in YAML and in docs/configuration.md. */
    public String defaultText() {
        if (defaultValue instanceof List<?> list) {
            return list.isEmpty() ? "[]" : list.toString();
        }
        return defaultValue.toString().isEmpty() ? "\"\"" : defaultValue.toString();
    }
}
