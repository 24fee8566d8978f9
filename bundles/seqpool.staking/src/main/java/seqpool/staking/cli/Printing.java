package seqpool.staking.cli;

import java.io.PrintWriter;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import seqpool.api.staking.TxOutcome;

/** Base of the subcommands: prints to the writer the launcher gave picocli. */
abstract class Printing {
    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    void print(String what, TxOutcome t) {
        out().println(what + ": tx " + t.txHash() + " in block " + t.block() + " (gas " + t.gasUsed() + ")");
    }
}
