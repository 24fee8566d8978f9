package seqpool.node.cli;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import seqpool.contracts.anvil.AnvilProcess;
import seqpool.contracts.deploy.DeployedContracts;
import seqpool.contracts.devnet.DevnetAccounts;
import seqpool.contracts.devnet.DevnetL1;
import seqpool.node.runtime.ModuleInventory;

/**
 * {@code seqpool devnet}: a local pool. It starts anvil as L1 (or uses {@code --l1 URL}), deploys the contracts, has
 * each node's operator (an anvil test account) lock stake for the node's signer key, and starts the nodes, each its own
 * JVM from this executable jar with the pool's modules configured. The nodes ingest the stake from L1, run the DKG of
 * the first committee; the devnet's admin registers the resulting pool key on L1 (the governance step of a real
 * deployment), and the pool commits epochs. {@code --spare K} starts K more nodes that are not staked: an operator
 * can lock stake for them later and they join at an epoch boundary. One status line per second; the endpoints go to
 * {@code endpoints.json}. Runs until Ctrl-C (or {@code --run-seconds}).
 */
@Command(name = "devnet", description = "Start a local pool: anvil L1, contracts, stake, N nodes (Ctrl-C stops it).")
final class DevnetCommand implements Callable<Integer> {
    /** The JVM flags the seqpool launcher script also passes (LMDB/netty need them). */
    static final List<String> JVM_FLAGS = List.of("--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens",
            "java.base/sun.nio.ch=ALL-UNNAMED");

    private final CliContext ctx;

    @Option(names = "--nodes", defaultValue = "4", description = "Staked nodes at genesis, 1..8 (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--spare", defaultValue = "0", description = "Extra nodes started without stake (default: ${DEFAULT-VALUE}).")
    int spare;

    @Option(names = "--dir", description = "Data directory (default: a new temporary directory).")
    Path dir;

    @Option(names = "--base-port", defaultValue = "30301", description = "First p2p port; admin ports start at "
            + "base+100 (default: ${DEFAULT-VALUE}). Keep both below the ephemeral range (Linux: 32768 and up), where "
            + "a node's outbound connection can take a port before the node that needs it binds it.")
    int basePort;

    @Option(names = "--run-seconds", defaultValue = "0", description = "Stop after this many seconds (0: until Ctrl-C).")
    int runSeconds;

    @Option(names = "--l1", description = "Use this L1 JSON-RPC URL (it must mine blocks and fund anvil's test "
            + "accounts, and answer anvil_setBalance) instead of starting anvil.")
    String l1Url;

    @Option(names = "--anvil", description = "anvil binary (default: $SEQPOOL_ANVIL, set by ./seqpool).")
    Path anvil;

    @Option(names = "--epoch-length", defaultValue = "10", description = "L2 blocks per epoch (default: ${DEFAULT-VALUE}).")
    long epochLength;

    @Option(names = "--block-time-ms", defaultValue = "1000", description = "L2 block time (default: ${DEFAULT-VALUE}).")
    long blockTimeMs;

    @Option(names = "--confirmations", defaultValue = "2", description = "L1 confirmations (default: ${DEFAULT-VALUE}).")
    int confirmations;

    @Option(names = "--engine", defaultValue = "evm", description = "L2 execution: evm (each node's own anvil), "
            + "embedded (native transfers in Java) or none (empty blocks) (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--producer-timeout-ms", defaultValue = "3000", description = "Stall before a rotation vote "
            + "(default: ${DEFAULT-VALUE}).")
    long producerTimeoutMs;

    @Option(names = "--keep", description = "Keep the temporary data directory after the devnet stops (a --dir is "
            + "always kept).")
    boolean keep;

    @Option(names = "--jail-after", defaultValue = "3", description = "Stalls that jail a producer (default: ${DEFAULT-VALUE}).")
    int jailAfter;

    DevnetCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        if (nodes < 1 || spare < 0 || nodes + spare > DevnetAccounts.count() - 1) {
            ctx.err().println("devnet: --nodes must be at least 1 and --nodes + --spare at most "
                    + (DevnetAccounts.count() - 1) + " (one anvil test account per operator)");
            return 2;
        }
        String jar = System.getProperty("java.class.path");
        if (jar == null || !jar.endsWith(".jar") || jar.contains(java.io.File.pathSeparator)) {
            ctx.err().println("devnet: run it from the executable jar (./seqpool devnet)");
            return 2;
        }
        if (!List.of("evm", "embedded", "none").contains(engine)) {
            ctx.err().println("devnet: --engine must be evm, embedded or none, got " + engine);
            return 2;
        }
        if (engine.equals("evm") && !Files.isExecutable(l2Anvil())) {
            ctx.err().println("devnet: anvil not found at " + l2Anvil() + " (the evm engine runs one per node; build "
                    + "once with ./seqpool, which installs it from npm into contracts/node_modules, or pass --anvil PATH, "
                    + "or --engine embedded)");
            return 1;
        }
        Optional<String> taken = DevnetPorts.firstInUse(nodes + spare, basePort);
        if (taken.isPresent()) {
            ctx.err().println("devnet: " + taken.get());
            return 2;
        }
        boolean temporary = dir == null;
        Path root = temporary ? Files.createTempDirectory("seqpool-devnet-") : Files.createDirectories(dir);
        DevnetProcesses run = new DevnetProcesses(ctx, root, temporary && !keep);
        try {
            Path passphraseFile = root.resolve("passphrase");
            if (!Files.exists(passphraseFile)) {
                byte[] b = new byte[16];
                new SecureRandom().nextBytes(b);
                Files.writeString(passphraseFile, HexFormat.of().formatHex(b) + "\n");
            }
            List<DevnetNode> all = new ArrayList<>();
            for (int i = 1; i <= nodes + spare; i++) {
                all.add(DevnetNode.create(root, i, basePort, passphraseFile));
            }
            String url = l1Url;
            if (url == null) {
                Path binary = anvil != null ? anvil : Path.of(System.getenv().getOrDefault("SEQPOOL_ANVIL", "anvil"));
                if (!Files.isExecutable(binary)) {
                    ctx.err().println("devnet: anvil not found at " + binary + " (build once with ./seqpool, which "
                            + "installs it from npm into contracts/node_modules, or pass --anvil PATH or --l1 URL)");
                    return 1;
                }
                AnvilProcess anvilProcess = AnvilProcess.start(binary, 31337, root.resolve("anvil.log"), List.of());
                run.anvil(anvilProcess);
                url = anvilProcess.rpcUrl();
                ctx.out().println("devnet: L1 " + url + " (anvil, log " + root.resolve("anvil.log") + ")");
            } else {
                ctx.out().println("devnet: L1 " + url);
            }
            long genesisBlock = setUpL1(url, root, all);
            String anvilForL2 = engine.equals("evm") ? l2Anvil().toString() : "";
            DevnetNode.PoolSettings pool = new DevnetNode.PoolSettings(url, genesisBlock, epochLength, blockTimeMs,
                    confirmations, producerTimeoutMs, jailAfter, engine, anvilForL2, System.currentTimeMillis() / 1000);
            for (DevnetNode n : all) {
                n.writeConfig(all, pool);
            }
            for (DevnetNode n : all) {
                run.start(n.name(), command(jar, n.config()), n.dir().resolve("node.log"));
            }
            if (!DevnetWatch.awaitUp(ctx, all, run.nodes())) {
                ctx.err().println("devnet: a node did not come up; logs above; data in " + root);
                return 1;
            }
            ctx.out().println("devnet: modules of n1:");
            ModuleInventory.print(new AdminClient(all.get(0).admin(), null).modules(), ctx.out());
            DevnetEndpoints.write(root.resolve("endpoints.json"), url, root, all, run.nodes());
            ctx.out().println("devnet: " + all.size() + " node(s) running (" + nodes + " staked" + (spare > 0 ? ", "
                    + spare + " spare" : "") + "); endpoints in " + root.resolve("endpoints.json") + "; data in " + root
                    + (runSeconds > 0 ? "; stopping in " + runSeconds + " s" : "; Ctrl-C to stop"));
            if (!engine.equals("none")) {
                ctx.out().println("devnet: L2 JSON-RPC " + all.get(0).rpcUrl() + " (every node serves one: see "
                        + "endpoints.json; chain id 901, engine " + engine + "), e.g. cast block-number --rpc-url "
                        + all.get(0).rpcUrl());
                ctx.out().println("devnet: funded L2 dev accounts (anvil's public test keys, 10,000 ETH each):");
                for (int i = 0; i < DevnetAccounts.count(); i++) {
                    ctx.out().println("devnet:   " + DevnetAccounts.account(i).getAddress() + "  key "
                            + DevnetAccounts.privateKeyHex(i));
                }
            }
            DevnetWatch watch = new DevnetWatch(ctx, url, root, all, nodes);
            watch.run(runSeconds, ctx.frameworkStopping());
            return 0;
        } finally {
            run.stop(runSeconds > 0 ? "--run-seconds " + runSeconds + " elapsed" : "done");
        }
    }

    /**
     * Deploys the contracts (automine: instant), stakes for the first {@code nodes} nodes and readies the spare
     * nodes' operators, funds every signer with ether, then switches L1 to a block per second. Returns the genesis L1
     * block (the last setup block).
     */
    private long setUpL1(String url, Path root, List<DevnetNode> all) throws Exception {
        try (DevnetL1 l1 = new DevnetL1(url)) {
            DeployedContracts c = l1.deploy();
            c.writeTo(root.resolve("contracts.yaml"));
            for (DevnetNode n : all) {
                int operator = n.index();
                Files.writeString(n.dir().resolve("operator.key"), DevnetAccounts.privateKeyHex(operator) + "\n");
                Files.writeString(n.dir().resolve("signer.pub"), n.publicKeyHex() + "\n");
                l1.fundEther(n.address(), 100);
                BigInteger stake = BigInteger.valueOf(30_000 + 1_000L * (n.index() - 1));
                if (n.index() <= nodes) {
                    l1.stake(operator, n.address(), HexFormat.of().parseHex(n.publicKeyHex()), stake);
                    ctx.out().println("devnet: " + n.name() + " " + n.address() + " staked " + stake + " tokens");
                } else {
                    l1.prepareOperator(operator, stake);
                    ctx.out().println("devnet: " + n.name() + " " + n.address() + " spare (operator key "
                            + n.dir().resolve("operator.key") + ")");
                }
            }
            l1.fundRewards(BigInteger.ONE, BigInteger.valueOf(1_000_000));
            long genesis = l1.blockNumber();
            if (l1Url == null) {
                l1.intervalMining(1);
            }
            ctx.out().println("devnet: contracts in " + root.resolve("contracts.yaml") + "; genesis L1 block " + genesis);
            return genesis;
        }
    }

    /** The anvil binary: --anvil, else $SEQPOOL_ANVIL (set by ./seqpool), else anvil on the PATH. */
    private Path l2Anvil() {
        return anvil != null ? anvil : Path.of(System.getenv().getOrDefault("SEQPOOL_ANVIL", "anvil"));
    }

    private static List<String> command(String jar, Path config) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_FLAGS);
        cmd.addAll(List.of("-jar", jar, "node", "--config", config.toString()));
        return cmd;
    }
}
