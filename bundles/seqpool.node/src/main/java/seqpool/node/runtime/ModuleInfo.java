package seqpool.node.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One installed bundle as the CLI and the admin API show it.
 *
 * @param id       bundle id
 * @param name     symbolic name
 * @param version  bundle version
 * @param state    ACTIVE, RESOLVED, INSTALLED, ...
 * @param protocol the bundle's {@code Seqpool-Protocol} header (protocol versions it speaks), empty if none
 */
public record ModuleInfo(long id, String name, String version, String state, String protocol) {
    public ModuleInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(protocol, "protocol");
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        m.put("version", version);
        m.put("state", state);
        m.put("protocol", protocol);
        return m;
    }

    public static ModuleInfo fromMap(Map<?, ?> m) {
        return new ModuleInfo(((Number) m.get("id")).longValue(), String.valueOf(m.get("name")),
                String.valueOf(m.get("version")), String.valueOf(m.get("state")),
                m.get("protocol") == null ? "" : String.valueOf(m.get("protocol")));
    }
}
