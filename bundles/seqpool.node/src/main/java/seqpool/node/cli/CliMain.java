package seqpool.node.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The main-thread entry of the executable jar: reads the command line from bnd's launcher service
 * ({@code launcher.arguments}) and runs {@link SeqpoolCli}. A named class with {@code Integer call()}: the launcher
 * uses the result as the exit code.
 */
public final class CliMain implements Callable<Integer> {
    private final BundleContext context;
    private final CountDownLatch frameworkStopping = new CountDownLatch(1);

    CliMain(BundleContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InvalidSyntaxException {
        String[] args = launcherArguments();
        int code = new SeqpoolCli(new CliContext(context, System.out, System.err, System.getenv(), frameworkStopping))
                .run(args);
        System.out.flush();
        System.err.flush();
        return code;
    }

    void frameworkStopping() {
        frameworkStopping.countDown();
    }

    private String[] launcherArguments() throws InvalidSyntaxException {
        for (ServiceReference<?> ref : context.getServiceReferences((String) null, "(launcher.arguments=*)")) {
            Object v = ref.getProperty("launcher.arguments");
            if (v instanceof String[] a) {
                return a;
            }
        }
        return new String[0];
    }
}
