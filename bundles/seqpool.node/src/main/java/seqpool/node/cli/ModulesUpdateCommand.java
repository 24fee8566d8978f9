package seqpool.node.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code seqpool modules update NAME FILE --node URL}: blue-green hot swap of module NAME on a running node with the
 * bundle jar FILE (a path on the node's machine). Off-protocol operator override (DESIGN.md §7): the node logs it.
 */
@Command(name = "update", description = "Hot-swap module NAME on a running node with bundle FILE (blue-green).")
final class ModulesUpdateCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "NAME", description = "Bundle symbolic name of the module.")
    String name;

    @Parameters(index = "1", paramLabel = "FILE", description = "The new version's bundle jar.")
    Path file;

    @Option(names = "--node", required = true, description = "Admin URL of the running node.")
    URI node;

    @Option(names = "--token-file", description = "The node's admin token file (the node writes it to "
            + "admin.tokenFile, by default <dataDir>/admin.token).")
    Path tokenFile;

    ModulesUpdateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        if (tokenFile == null) {
            ctx.err().println("modules update: --token-file is required (the node writes it to <dataDir>/admin.token)");
            return 2;
        }
        String token;
        try {
            token = Files.readString(tokenFile).trim();
        } catch (java.nio.file.NoSuchFileException e) {
            ctx.err().println("modules update: no token file at " + tokenFile + " (the node writes it to "
                    + "admin.tokenFile, by default <dataDir>/admin.token, once its admin API listens)");
            return 2;
        } catch (java.io.IOException e) {
            ctx.err().println("modules update: cannot read token file " + tokenFile + ": " + e);
            return 2;
        }
        Path absolute = file.toAbsolutePath().normalize();
        Map<?, ?> r = new AdminClient(node, token).update(name, absolute);
        ctx.out().printf("%s %s -> %s: %s in %s ms%s%n", r.get("module"), r.get("oldVersion"), r.get("newVersion"),
                r.get("outcome"), r.get("switchMs"), String.valueOf(r.get("reason")).isEmpty() ? ""
                        : " (" + r.get("reason") + ")");
        return "SWAPPED".equals(r.get("outcome")) ? 0 : 1;
    }
}
