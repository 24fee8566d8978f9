package seqpool.node.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

import picocli.CommandLine.Command;

import seqpool.node.runtime.ModuleInfo;
import seqpool.node.runtime.ModuleInventory;

/** {@code seqpool version}: the node's version, the seqpool modules' versions and the protocol versions they speak. */
@Command(name = "version", description = "Show the node version, module versions and the protocols they speak.")
final class VersionCommand implements Callable<Integer> {
    private final CliContext ctx;

    VersionCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Bundle self = ctx.bundleContext().getBundle();
        Bundle fw = ctx.bundleContext().getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        ctx.out().printf("seqpool node %s (framework %s %s, Java %s)%n", self.getVersion(), fw.getSymbolicName(),
                fw.getVersion(), System.getProperty("java.version"));
        List<ModuleInfo> modules = ModuleInventory.list(ctx.bundleContext()).stream()
                .filter(m -> m.name().startsWith("seqpool.")).toList();
        ctx.out().println();
        ModuleInventory.print(modules, ctx.out());
        return 0;
    }
}
