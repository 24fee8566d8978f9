package seqpool.node.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The node's health: DOWN when a required component is down (HTTP 503), DEGRADED when a component runs but is not
 * doing its job (HTTP 200: the node still serves, an alert should look), else UP.
 */
public record HealthReport(HealthStatus status, List<ComponentReport> components) {
    public HealthReport {
        components = List.copyOf(components);
    }

    static HealthReport of(List<ComponentReport> components) {
        HealthStatus s = HealthStatus.UP;
        for (ComponentReport c : components) {
            if (c.status() == HealthStatus.DOWN && c.required()) {
                s = HealthStatus.DOWN;
                break;
            }
            if (c.status() != HealthStatus.UP) {
                s = HealthStatus.DEGRADED;
            }
        }
        return new HealthReport(s, components);
    }

    public int httpStatus() {
        return status == HealthStatus.DOWN ? 503 : 200;
    }

    /** The required components that are down, by name. */
    public List<String> down() {
        return components.stream().filter(c -> c.required() && c.status() == HealthStatus.DOWN)
                .map(ComponentReport::name).toList();
    }

    public Map<String, Object> componentsMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        components.forEach(c -> m.put(c.name(), c.toMap()));
        return m;
    }
}
