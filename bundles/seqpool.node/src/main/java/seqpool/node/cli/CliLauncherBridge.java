package seqpool.node.cli;

import java.util.Hashtable;
import java.util.concurrent.Callable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Hands the process's main thread to the CLI when the framework was started by the {@code seqpool} executable jar: it
 * registers {@link CliMain} as a {@code Callable} with {@code main.thread=true}, which bnd's launcher calls and whose
 * result is the exit code. Only when the framework property {@value #CLI_PROPERTY} is {@code true} (set by
 * runtime/seqpool.bndrun), so that test frameworks keep their own main thread.
 */
@Component(immediate = true, service = {})
public final class CliLauncherBridge {
    public static final String CLI_PROPERTY = "seqpool.cli";

    private final ServiceRegistration<?> registration;
    private final CliMain main;

    @Activate
    public CliLauncherBridge(BundleContext context) {
        if ("true".equals(context.getProperty(CLI_PROPERTY))) {
            main = new CliMain(context);
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("main.thread", "true");
            registration = context.registerService(Callable.class, main, props);
        } else {
            main = null;
            registration = null;
        }
    }

    @Deactivate
    void deactivate() {
        if (main != null) {
            main.frameworkStopping();
        }
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework is stopping
            }
        }
    }
}
