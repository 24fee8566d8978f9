package seqpool.node.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Publishes a validated {@link NodeConfig} to ConfigAdmin, one PID per section ({@code seqpool.store},
 * {@code seqpool.p2p}, ...). Components that declare {@code configurationPolicy = REQUIRE} on those PIDs start only
 * then, so commands like {@code version} never start them. Configurations are bound to any location ({@code "?"}) so
 * that a hot-swapped bundle version receives them too.
 */
public final class ConfigAdminPublisher {
    private ConfigAdminPublisher() {
    }

    /** Returns the PIDs it updated, in section order. */
    public static List<String> publish(ConfigurationAdmin cm, NodeConfig config) throws IOException {
        List<String> pids = new ArrayList<>();
        for (String section : ConfigSchema.sections()) {
            String pid = ConfigSchema.pid(section);
            Configuration c = cm.getConfiguration(pid, "?");
            c.update(config.properties(section));
            pids.add(pid);
        }
        return pids;
    }
}
