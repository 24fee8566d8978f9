package seqpool.staking.cli;

import java.io.PrintStream;
import java.util.List;

import org.osgi.service.component.annotations.Component;

import seqpool.api.cli.CliCommand;

/** {@code seqpool stake lock|relock|withdraw|unlock|claim|withdraw-rewards|status}. */
@Component(service = CliCommand.class)
public final class StakeCommand implements CliCommand {
    @Override
    public String name() {
        return "stake";
    }

    @Override
    public String description() {
        return "operator staking on L1 LockingPool: lock, relock, withdraw, unlock, claim, withdraw-rewards, status";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        return CliErrors.execute(new StakeCli(), args.toArray(String[]::new), out, err);
    }
}
