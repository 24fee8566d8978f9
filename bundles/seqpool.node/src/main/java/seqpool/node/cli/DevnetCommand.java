package seqpool.node.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.node.config.PeerSpec;
import seqpool.node.keys.Passphrase;
import seqpool.node.keys.SignerKeystore;
import seqpool.node.runtime.ModuleInventory;

/**
 * {@code seqpool devnet}: N nodes on loopback, each its own JVM from this executable jar. It first generates every
 * node's signer key, then writes each node's config listing the others as {@code address@127.0.0.1:port}, so the nodes
 * form an authenticated TLS mesh. Waits until every node's admin API reports UP and every node sees its N-1 peers,
 * shows the first node's modules, then runs until Ctrl-C (or {@code --run-seconds}) and stops the nodes gracefully
 * (SIGTERM).
 */
@Command(name = "devnet", description = "Start N local nodes on loopback with generated keys (Ctrl-C stops them).")
final class DevnetCommand implements Callable<Integer> {
    /** The JVM flags the seqpool launcher script also passes (LMDB/netty need them). */
    static final List<String> JVM_FLAGS = List.of("--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens",
            "java.base/sun.nio.ch=ALL-UNNAMED");

    private final CliContext ctx;

    @Option(names = "--nodes", defaultValue = "1", description = "Number of nodes, 1..16 (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--dir", description = "Data directory (default: a new temporary directory).")
    Path dir;

    @Option(names = "--base-port", defaultValue = "30301", description = "First p2p port; admin ports start at "
            + "base+100 (default: ${DEFAULT-VALUE}). Keep both below the ephemeral range (Linux: 32768 and up), where "
            + "a node's outbound connection can take a port before the node that needs it binds it.")
    int basePort;

    @Option(names = "--run-seconds", defaultValue = "0", description = "Stop after this many seconds (0: until Ctrl-C).")
    int runSeconds;

    DevnetCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        if (nodes < 1 || nodes > 16) {
            ctx.err().println("devnet: --nodes must be 1..16, got " + nodes);
            return 2;
        }
        String jar = System.getProperty("java.class.path");
        if (jar == null || !jar.endsWith(".jar") || jar.contains(java.io.File.pathSeparator)) {
            ctx.err().println("devnet: run it from the executable jar (./seqpool devnet)");
            return 2;
        }
        Path root = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("seqpool-devnet-");
        Path passphraseFile = root.resolve("passphrase");
        if (!Files.exists(passphraseFile)) {
            byte[] b = new byte[16];
            new SecureRandom().nextBytes(b);
            Files.writeString(passphraseFile, HexFormat.of().formatHex(b) + "\n");
        }
        List<Process> procs = new ArrayList<>();
        List<Thread> pumps = new ArrayList<>();
        Thread hook = new Thread(() -> stopAll(procs), "seqpool-devnet-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        List<String> addresses = new ArrayList<>();
        for (int i = 1; i <= nodes; i++) {
            addresses.add(nodeKey(root, passphraseFile, i));
        }
        for (int i = 1; i <= nodes; i++) {
            Path config = writeConfig(root, addresses, i);
            ProcessBuilder pb = new ProcessBuilder(command(jar, config)).redirectErrorStream(true);
            Process p = pb.start();
            procs.add(p);
            pumps.add(pump("n" + i, p));
        }
        for (int i = 1; i <= nodes; i++) {
            URI admin = URI.create("http://127.0.0.1:" + adminPort(i));
            if (!waitUp(admin, procs.get(i - 1))) {
                ctx.err().println("devnet: node n" + i + " did not come up; logs above; data in " + root);
                stopAll(procs);
                return 1;
            }
        }
        for (int i = 1; i <= nodes; i++) {
            URI admin = URI.create("http://127.0.0.1:" + adminPort(i));
            int peers = waitMeshed(admin, procs.get(i - 1), nodes - 1);
            ctx.out().println("devnet: n" + i + " UP, peers " + peers + "/" + (nodes - 1) + ", address "
                    + addresses.get(i - 1) + ", admin " + admin + ", p2p 127.0.0.1:" + (basePort + i - 1));
            if (peers < nodes - 1) {
                ctx.err().println("devnet: n" + i + " sees only " + peers + " of " + (nodes - 1) + " peers; data in "
                        + root);
                stopAll(procs);
                return 1;
            }
        }
        ctx.out().println("devnet: modules of n1:");
        ModuleInventory.print(new AdminClient(URI.create("http://127.0.0.1:" + adminPort(1)), null).modules(), ctx.out());
        ctx.out().println("devnet: " + nodes + " node(s) running; data in " + root
                + (runSeconds > 0 ? "; stopping in " + runSeconds + " s" : "; Ctrl-C to stop"));
        if (runSeconds > 0) {
            TimeUnit.SECONDS.sleep(runSeconds);
        } else {
            ctx.frameworkStopping().await();
        }
        stopAll(procs);
        for (Thread t : pumps) {
            t.join(2_000); // let the nodes' last log lines through
        }
        ctx.out().println("devnet: stopped");
        return 0;
    }

    /** Generates node i's key (or reads the one a previous run left) and returns its signer address. */
    private static String nodeKey(Path root, Path passphraseFile, int i) throws Exception {
        Path nodeDir = Files.createDirectories(root.resolve("n" + i));
        Path key = nodeDir.resolve("node-key.json");
        try (Passphrase p = Passphrase.from(passphraseFile, Map.of())) {
            LocalNodeSigner signer = Files.exists(key) ? SignerKeystore.load(key, p)
                    : SignerKeystore.generate(key, p, SignerKeystore.Strength.LIGHT, new SecureRandom());
            try {
                return signer.address().toHex();
            } finally {
                signer.destroy();
            }
        }
    }

    private Path writeConfig(Path root, List<String> addresses, int i) throws IOException {
        StringBuilder peers = new StringBuilder();
        for (int j = 1; j <= nodes; j++) {
            if (j != i) {
                peers.append("    - \"").append(PeerSpec.format(addresses.get(j - 1), "127.0.0.1", basePort + j - 1))
                        .append("\"\n");
            }
        }
        String yaml = "# devnet node n" + i + " (generated by seqpool devnet)\n"
                + "node:\n  name: n" + i + "\n  dataDir: n" + i + "\n  keyFile: n" + i + "/node-key.json\n"
                + "  passphraseFile: passphrase\n"
                + "store:\n  mapSizeMb: 64\n"
                + "p2p:\n  listenHost: 127.0.0.1\n  listenPort: " + (basePort + i - 1) + "\n  backoffMaxMs: 2000\n"
                + "  peers:" + (peers.length() == 0 ? " []\n" : "\n" + peers)
                + "admin:\n  port: " + adminPort(i) + "\n"
                + "logging:\n  level: info\n  format: json\n";
        Path config = root.resolve("n" + i + ".yaml");
        Files.writeString(config, yaml, StandardCharsets.UTF_8);
        return config;
    }

    private int adminPort(int i) {
        return basePort + 100 + i - 1;
    }

    private static List<String> command(String jar, Path config) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_FLAGS);
        cmd.addAll(List.of("-jar", jar, "node", "--config", config.toString()));
        return cmd;
    }

    private Thread pump(String name, Process p) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    ctx.out().println("[" + name + "] " + line);
                }
            } catch (IOException e) {
                // process gone
            }
        }, "devnet-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static boolean waitUp(URI admin, Process p) throws InterruptedException {
        AdminClient client = new AdminClient(admin, null);
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline && p.isAlive()) {
            try {
                if ("UP".equals(client.health().get("status"))) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        return false;
    }

    /** Waits (up to 60 s) until the node's p2p transport reports {@code want} connected peers; returns the last count. */
    private static int waitMeshed(URI admin, Process p, int want) throws InterruptedException {
        AdminClient client = new AdminClient(admin, null);
        long deadline = System.currentTimeMillis() + 60_000;
        int seen = 0;
        while (System.currentTimeMillis() < deadline && p.isAlive()) {
            try {
                Map<?, ?> peers = client.peers();
                seen = peers.get("connected") instanceof Number n ? n.intValue() : 0;
                if (Boolean.TRUE.equals(peers.get("running")) && seen >= want) {
                    return seen;
                }
            } catch (IOException e) {
                // restarting
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        return seen;
    }

    private static void stopAll(List<Process> procs) {
        for (Process p : procs) {
            p.destroy();
        }
        for (Process p : procs) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
