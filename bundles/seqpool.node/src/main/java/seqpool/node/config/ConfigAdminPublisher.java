package seqpool.node.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
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

    /**
     * Returns the PIDs it updated, in section order. An optional section ({@link ConfigSchema#optionalSection}) that the
     * file lacks is not published, and a configuration left from before for it is deleted.
     */
    public static List<String> publish(ConfigurationAdmin cm, NodeConfig config) throws IOException {
        List<String> pids = new ArrayList<>();
        for (String section : ConfigSchema.sections()) {
            String pid = ConfigSchema.pid(section);
            if (ConfigSchema.optionalSection(section) && !config.inFile(section)) {
                deleteIfPresent(cm, pid);
                continue;
            }
            Configuration c = cm.getConfiguration(pid, "?");
            java.util.Dictionary<String, Object> props = config.properties(section);
            DerivedProperties.add(section, props, config);
            c.update(props);
            pids.add(pid);
        }
        return pids;
    }

    private static void deleteIfPresent(ConfigurationAdmin cm, String pid) throws IOException {
        try {
            Configuration[] old = cm.listConfigurations("(" + Constants.SERVICE_PID + "=" + pid + ")");
            if (old != null) {
                for (Configuration c : old) {
                    c.delete();
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("bad filter for " + pid, e);
        }
    }
}
