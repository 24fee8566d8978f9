package seqpool.staking.cli;

import java.io.PrintStream;
import java.util.List;

import org.osgi.service.component.annotations.Component;

import seqpool.api.cli.CliCommand;

/** {@code seqpool forced enqueue|status}: the L1 forced-inclusion queue. */
@Component(service = CliCommand.class)
public final class ForcedCommand implements CliCommand {
    @Override
    public String name() {
        return "forced";
    }

    @Override
    public String description() {
        return "forced inclusion: enqueue a signed L2 transaction on L1 (ForcedInclusionQueue), queue status";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        return CliErrors.execute(new ForcedCli(), args.toArray(String[]::new), out, err);
    }
}
