package seqpool.node.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import seqpool.node.config.ConfigException;
import seqpool.node.config.ConfigLoader;
import seqpool.node.config.NodeConfig;
import seqpool.node.keys.KeyException;
import seqpool.node.runtime.NodeRunner;

/**
 * {@code seqpool node --config FILE}: validates the configuration (exit 2 on any error, before anything starts), then
 * runs the node until SIGTERM / Ctrl-C, and stops it gracefully.
 */
@Command(name = "node", description = "Run a node until SIGTERM/Ctrl-C (graceful stop).")
final class NodeCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--config", description = "The node's YAML configuration (see docs/configuration.md). "
            + "Without it, the defaults, with data in ./data.")
    Path config;

    @Option(names = "--check", description = "Only validate the configuration and the key, then exit.")
    boolean check;

    NodeCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        NodeConfig cfg;
        try {
            cfg = config == null ? ConfigLoader.defaults(Path.of("").toAbsolutePath()) : ConfigLoader.load(config);
        } catch (ConfigException e) {
            ctx.err().println("config error: " + e.getMessage());
            return 2;
        }
        NodeRunner runner = new NodeRunner(ctx.bundleContext(), cfg, ctx.env(), ctx.frameworkStopping());
        try {
            runner.prepare();
        } catch (KeyException e) {
            ctx.err().println("key error: " + e.getMessage());
            return 2;
        }
        if (check) {
            ctx.out().println("configuration and key OK: " + runner.signerAddress());
            runner.close();
            return 0;
        }
        return runner.runUntilStopped();
    }
}
