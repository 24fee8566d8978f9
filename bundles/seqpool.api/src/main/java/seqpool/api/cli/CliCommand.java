package seqpool.api.cli;

import java.io.PrintStream;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A top-level operator command ({@code seqpool stake ...}, {@code seqpool contracts ...}). Registered as an OSGi
 * service; the launcher runs it on its main thread with the arguments after the command name.
 *
 * <p>Contract: {@link #run} returns the process exit code (0 success, 1 failure, 2 usage error), writes results to
 * {@code out} and errors to {@code err}, never calls {@code System.exit}, and never prints secret material.
 */
@ConsumerType
public interface CliCommand {
    /** The command word, e.g. {@code stake}; lower case, unique across bundles. */
    String name();

    /** One line for the launcher's help. */
    String description();

    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
