package seqpool.sequencer.derive.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine;
import seqpool.api.cli.CliCommand;

/**
 * {@code seqpool derive} as a launcher command. Needs no configuration of its own: the batch codec it uses is
 * configured for the run through ConfigAdmin ({@link ConfigAdminCodecs}).
 */
@Component(service = CliCommand.class)
public final class DeriveCommand implements CliCommand {
    private final CodecSource codecs;

    @Activate
    public DeriveCommand(BundleContext context, @Reference ConfigurationAdmin configAdmin) {
        this.codecs = new ConfigAdminCodecs(context, configAdmin);
    }

    @Override
    public String name() {
        return "derive";
    }

    @Override
    public String description() {
        return "rebuild the L2 chain from L1 alone (batches, blobs, producers, re-execution); compare with a node";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        return execute(new DeriveCli(codecs, System.getenv(), out, err), args, out, err);
    }

    /** picocli with the launcher's streams: usage errors exit 2, failures print one line and exit 1. */
    static int execute(DeriveCli cli, List<String> args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(cli);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            err.println("derive: " + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
            return 1;
        });
        return cl.execute(args.toArray(String[]::new));
    }
}
