package seqpool.staking.cli;

import java.io.PrintStream;
import java.util.List;

import org.osgi.service.component.annotations.Component;

import seqpool.api.cli.CliCommand;

/** {@code seqpool contracts deploy --rpc URL --key FILE [--out contracts.yaml]}. */
@Component(service = CliCommand.class)
public final class ContractsCommand implements CliCommand {
    @Override
    public String name() {
        return "contracts";
    }

    @Override
    public String description() {
        return "deploy the seqpool L1 contracts and write the addresses file";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        return CliErrors.execute(new ContractsCli(), args.toArray(String[]::new), out, err);
    }
}
