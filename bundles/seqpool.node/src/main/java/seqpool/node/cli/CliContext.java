package seqpool.node.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.osgi.framework.BundleContext;

/**
 * What every command gets: the framework, the output streams, the environment, and a latch that opens when the
 * framework stops (the node command waits on it).
 */
public record CliContext(BundleContext bundleContext, PrintStream out, PrintStream err, Map<String, String> env,
        CountDownLatch frameworkStopping) {
}
