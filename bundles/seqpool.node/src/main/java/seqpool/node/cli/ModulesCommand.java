package seqpool.node.cli;

import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import seqpool.node.runtime.ModuleInfo;
import seqpool.node.runtime.ModuleInventory;

/** {@code seqpool modules [--node URL]}: installed bundles with symbolic name, version, state and protocols. */
@Command(name = "modules", description = "List installed modules (bundles); 'modules update' hot-swaps one.")
final class ModulesCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--node", description = "Admin URL of a running node (e.g. http://127.0.0.1:30401); "
            + "without it, this launcher's own modules are listed.")
    URI node;

    ModulesCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        List<ModuleInfo> modules = node == null ? ModuleInventory.list(ctx.bundleContext())
                : new AdminClient(node, null).modules();
        ModuleInventory.print(modules, ctx.out());
        return 0;
    }
}
