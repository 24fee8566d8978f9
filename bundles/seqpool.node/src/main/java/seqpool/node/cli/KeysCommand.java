package seqpool.node.cli;

import picocli.CommandLine.Command;

/** {@code seqpool keys}: the node's signer key (generate, show). */
@Command(name = "keys", description = "Manage the node's signer key: 'keys generate', 'keys show'.")
final class KeysCommand implements Runnable {
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "keys: missing subcommand (generate | show)");
    }
}
