package seqpool.node.health;

import java.util.LinkedHashMap;
import java.util.Map;

/** One component in {@code /health}: its state, whether the node requires it, and what it reports (peers, heights). */
public record ComponentReport(String name, HealthStatus status, boolean required, Map<String, Object> detail) {
    public ComponentReport {
        detail = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(detail));
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status.name());
        m.put("required", required);
        m.putAll(detail);
        return m;
    }
}
