package seqpool.node.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import seqpool.api.cli.CliCommand;

/**
 * The {@code seqpool} command line: built-in subcommands (picocli) plus every {@link CliCommand} service, dispatched by
 * its name. Exit codes: 0 success, 1 failure, 2 usage or configuration error.
 */
public final class SeqpoolCli {
    private static final long SERVICE_WAIT_MS = 2000;

    private final CliContext ctx;

    public SeqpoolCli(CliContext ctx) {
        this.ctx = ctx;
    }

    @Command(name = "seqpool", mixinStandardHelpOptions = false,
            description = "seqpool: a decentralized, staked sequencer pool for optimistic rollups.")
    static final class Root {
    }

    public int run(String... args) {
        if (args.length == 0 || List.of("help", "--help", "-h").contains(args[0])) {
            printHelp();
            return args.length == 0 ? 2 : 0;
        }
        CommandLine cli = commandLine();
        if (cli.getSubcommands().containsKey(args[0])) {
            return cli.execute(args);
        }
        Optional<CliCommand> plugin = findCommand(args[0]);
        if (plugin.isPresent()) {
            try {
                return plugin.get().run(List.of(Arrays.copyOfRange(args, 1, args.length)), ctx.out(), ctx.err());
            } catch (Exception e) {
                ctx.err().println(args[0] + ": " + e.getMessage());
                return 1;
            }
        }
        ctx.err().println("unknown command: " + args[0] + " (see: seqpool help)");
        return 2;
    }

    CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Root());
        cli.addSubcommand("node", new NodeCommand(ctx));
        cli.addSubcommand("version", new VersionCommand(ctx));
        cli.addSubcommand("modules", new CommandLine(new ModulesCommand(ctx))
                .addSubcommand("update", new ModulesUpdateCommand(ctx)));
        cli.addSubcommand("keys", new CommandLine(new KeysCommand())
                .addSubcommand("generate", new KeysGenerateCommand(ctx))
                .addSubcommand("show", new KeysShowCommand(ctx)));
        cli.addSubcommand("devnet", new DevnetCommand(ctx));
        cli.addSubcommand("status", new StatusCommand(ctx));
        cli.setOut(new PrintWriter(ctx.out(), true));
        cli.setErr(new PrintWriter(ctx.err(), true));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            ctx.err().println(commandLine.getCommandName() + ": " + e.getMessage());
            return 1;
        });
        return cli;
    }

    void printHelp() {
        var out = ctx.out();
        out.println("Usage: seqpool COMMAND [ARGS]");
        out.println();
        out.println("Commands:");
        Map<String, String> rows = new TreeMap<>();
        commandLine().getSubcommands().forEach((name, sub) -> rows.put(name,
                String.join(" ", sub.getCommandSpec().usageMessage().description())));
        rows.put("help", "List the commands.");
        for (ServiceReference<CliCommand> ref : commandRefs()) {
            CliCommand c = ctx.bundleContext().getService(ref);
            if (c != null) {
                rows.putIfAbsent(c.name(), c.description());
                ctx.bundleContext().ungetService(ref);
            }
        }
        rows.forEach((name, desc) -> out.printf("  %-10s %s%n", name, desc));
        out.println();
        out.println("Run 'seqpool COMMAND --help' for a command's options.");
    }

    private Optional<CliCommand> findCommand(String name) {
        long deadline = System.currentTimeMillis() + SERVICE_WAIT_MS;
        do {
            for (ServiceReference<CliCommand> ref : commandRefs()) {
                CliCommand c = ctx.bundleContext().getService(ref);
                if (c != null && name.equals(c.name())) {
                    return Optional.of(c);
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        } while (System.currentTimeMillis() < deadline);
        return Optional.empty();
    }

    private java.util.Collection<ServiceReference<CliCommand>> commandRefs() {
        try {
            return ctx.bundleContext().getServiceReferences(CliCommand.class, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
