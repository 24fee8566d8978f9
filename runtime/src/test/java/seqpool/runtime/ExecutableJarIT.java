package seqpool.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the exported executable jar (runtime/target/seqpool.jar) as an operator would: version, modules, help, config
 * errors, key generation, and a node that starts, answers its admin API and stops gracefully on SIGTERM.
 */
class ExecutableJarIT {
    private static final Path JAR = Path.of(System.getProperty("seqpool.jar", "target/seqpool.jar")).toAbsolutePath();
    private static final Map<String, String> ENV = Map.of("SEQPOOL_KEY_PASSPHRASE", "it-passphrase-123");
    private static final String ANVIL = System.getProperty("seqpool.anvil.binary", "anvil");

    record Result(int code, String out, String err) {
    }

    @Test
    void versionListsTheSeqpoolModulesAndTheirProtocols(@TempDir Path dir) throws Exception {
        Result r = run(dir, "version");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("seqpool node 1.0.0"), r.out());
        assertTrue(r.out().contains("org.apache.felix.framework 7.0.5"), r.out());
        for (String m : List.of("seqpool.api", "seqpool.codec", "seqpool.node", "seqpool.wrap.web3j", "seqpool.store",
                "seqpool.p2p", "seqpool.contracts", "seqpool.staking", "seqpool.consensus", "seqpool.pos",
                "seqpool.bridge", "seqpool.sequencer", "seqpool.tss")) {
            assertTrue(r.out().contains(m), m + " in " + r.out());
        }
        assertTrue(r.out().contains("admin/1"), r.out());
    }

    @Test
    void modulesAreAllActive(@TempDir Path dir) throws Exception {
        Result r = run(dir, "modules");
        assertEquals(0, r.code(), r.err());
        for (String m : List.of("org.apache.felix.scr", "org.apache.felix.configadmin", "picocli", "seqpool.node",
                "seqpool.staking", "seqpool.contracts")) {
            assertTrue(r.out().contains(m), m + " in " + r.out());
        }
        assertFalse(r.out().contains("INSTALLED") || r.out().contains("RESOLVED"), r.out());
    }

    @Test
    void helpAndUnknownCommands(@TempDir Path dir) throws Exception {
        Result help = run(dir, "help");
        assertEquals(0, help.code());
        for (String c : List.of("node", "version", "modules", "keys", "devnet", "stake", "contracts")) {
            assertTrue(help.out().contains("  " + c + " "), c + " in " + help.out());
        }
        Result unknown = run(dir, "frobnicate");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown command: frobnicate"), unknown.err());
    }

    @Test
    void deriveShowsItsUsageAndRefusesBadUsage(@TempDir Path dir) throws Exception {
        assertTrue(run(dir, "help").out().contains("  derive "));
        Result help = run(dir, "derive", "--help");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().contains("--compare") && help.out().contains("--from"), help.out());
        Result missing = run(dir, "derive");
        assertEquals(2, missing.code(), missing.out() + missing.err());
        assertTrue(missing.err().contains("--l1 URL is required"), missing.err());
        Result noContracts = run(dir, "derive", "--l1", "http://127.0.0.1:9");
        assertEquals(2, noContracts.code(), noContracts.out() + noContracts.err());
        assertTrue(noContracts.err().contains("cannot read the contracts file"), noContracts.err());
    }

    @Test
    void invalidConfigurationExitsWithCode2AndNamesTheKey(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), "p2p:\n  listenPort: 70000\n");
        Result r = run(dir, "node", "--config", "bad.yaml");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("config error: p2p.listenPort: must be 0..65535, got 70000"), r.err());
        Files.writeString(dir.resolve("bad-peer.yaml"), "p2p:\n  peers: [\"127.0.0.1:7400\"]\n");
        Result peer = run(dir, "node", "--config", "bad-peer.yaml");
        assertEquals(2, peer.code());
        assertTrue(peer.err().contains("config error: p2p.peers[0]: expected address@host:port"), peer.err());
    }

    @Test
    void nodeRunsServesAdminApiAndStopsGracefully(@TempDir Path dir) throws Exception {
        Result keys = run(dir, "keys", "generate", "--out", "data/node-key.json", "--light");
        assertEquals(0, keys.code(), keys.err());
        assertTrue(keys.out().startsWith("address 0x"), keys.out());
        Files.writeString(dir.resolve("node.yaml"), "node:\n  name: it-node\nstore:\n  mapSizeMb: 32\n"
                + "p2p:\n  listenHost: 127.0.0.1\n  listenPort: 0\nadmin:\n  port: 0\n");
        Path stderr = dir.resolve("node.err");
        Process node = start(dir, stderr, "node", "--config", "node.yaml");
        try {
            Path urlFile = dir.resolve("data/admin.url");
            for (int i = 0; i < 600 && !Files.exists(urlFile) && node.isAlive(); i++) {
                Thread.sleep(100);
            }
            assertTrue(Files.exists(urlFile), "admin.url written; log: " + Files.readString(stderr));
            String url = Files.readString(urlFile).trim();
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
            // The p2p transport starts (no peers configured) and the LMDB store opens its directory.
            String peers = "";
            for (int i = 0; i < 300 && !peers.contains("\"running\":true"); i++) {
                peers = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/peers")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                Thread.sleep(100);
            }
            assertTrue(peers.contains("\"running\":true") && peers.contains("\"connected\":0"), peers);
            assertTrue(Files.isRegularFile(dir.resolve("data/store/data.mdb")), "store opened in data/store");

            Result modules = run(dir, "modules", "--node", url);
            assertEquals(0, modules.code(), modules.err());
            assertTrue(modules.out().contains("seqpool.node"), modules.out());

            Result update = run(dir, "modules", "update", "seqpool.nothing", "missing.jar", "--node", url,
                    "--token-file", "data/admin.token");
            assertEquals(1, update.code(), update.err());
            assertTrue(update.out().contains("REJECTED"), update.out());
        } finally {
            node.destroy(); // SIGTERM
            assertTrue(node.waitFor(30, TimeUnit.SECONDS), "node stops after SIGTERM");
        }
        String log = Files.readString(stderr);
        assertTrue(log.contains("\"msg\":\"node started\""), log);
        assertTrue(log.contains("\"msg\":\"node stopping (signal)\""), log);
        assertTrue(log.contains("\"msg\":\"node stopped\""), log);
        assertFalse(log.contains(ENV.get("SEQPOOL_KEY_PASSPHRASE")), "no secret in the log");
    }

    /** SIGTERM while the modules are still starting: a graceful stop all the same, with its stop lines, exit 0. */
    @Test
    void aSignalDuringStartUpStopsTheNodeCleanly(@TempDir Path dir) throws Exception {
        Result keys = run(dir, "keys", "generate", "--out", "data/node-key.json", "--light");
        assertEquals(0, keys.code(), keys.err());
        Files.writeString(dir.resolve("node.yaml"), "node:\n  name: it-early\nstore:\n  mapSizeMb: 32\n"
                + "p2p:\n  listenHost: 127.0.0.1\n  listenPort: 0\nadmin:\n  port: 0\n");
        Path stderr = dir.resolve("node.err");
        Process node = start(dir, stderr, "node", "--config", "node.yaml");
        try {
            for (int i = 0; i < 600 && node.isAlive() && !Files.readString(stderr).contains("store opened"); i++) {
                Thread.sleep(10);
            }
            assertTrue(Files.readString(stderr).contains("store opened"), Files.readString(stderr));
        } finally {
            node.destroy(); // SIGTERM, as soon as the first module is up
            assertTrue(node.waitFor(30, TimeUnit.SECONDS), "node stops after SIGTERM");
        }
        String log = Files.readString(stderr);
        assertTrue(node.exitValue() == 143 || node.exitValue() == 0, "the JVM's code for SIGTERM: " + log);
        assertTrue(log.contains("\"msg\":\"node stopping (signal)\""), log);
        assertTrue(log.contains("\"msg\":\"node stopped\""), log);
        assertFalse(log.contains("node not started"), log);
    }

    /**
     * {@code seqpool devnet --nodes 3}: keys first, then configs naming each other as {@code address@127.0.0.1:port};
     * the three nodes form the authenticated TLS mesh (each reports 2/2 peers over its admin API) and open their
     * stores.
     */
    @Test
    void devnetOfThreeNodesFormsTheMesh(@TempDir Path dir) throws Exception {
        // Below the kernel's ephemeral range (32768+): a port there can be taken by an outbound connection's local end.
        int base = 20_000 + new java.util.Random().nextInt(12_000);
        Result r = run(dir, "devnet", "--nodes", "3", "--dir", "net", "--base-port", Integer.toString(base),
                "--run-seconds", "1", "--anvil", ANVIL);
        assertEquals(0, r.code(), r.out() + r.err());
        for (int i = 1; i <= 3; i++) {
            assertTrue(r.out().contains("devnet: n" + i + " UP, peers 2/2, address 0x"), "n" + i + " meshed: " + r.out());
            assertTrue(Files.isDirectory(dir.resolve("net/n" + i + "/store")), "n" + i + " store directory");
            String config = Files.readString(dir.resolve("net/n" + i + ".yaml"));
            for (int j = 1; j <= 3; j++) {
                assertEquals(i != j, config.contains("@127.0.0.1:" + (base + j - 1)), "n" + i + " lists n" + j + ": "
                        + config);
            }
        }
        assertTrue(r.out().contains("devnet: stopped"), r.out());
        assertFalse(r.out().contains("\"level\":\"ERROR\""), r.out());
    }

    @Test
    void devnetWithoutAnvilSaysWhereToGetIt(@TempDir Path dir) throws Exception {
        Result r = run(dir, "devnet", "--nodes", "1", "--dir", "net", "--anvil", dir.resolve("no-anvil").toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("devnet: anvil not found at " + dir.resolve("no-anvil")), r.err());
        assertTrue(r.err().contains("npm"), "says how to install it: " + r.err());
    }

    private static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static Process start(Path dir, Path stderr, String... args) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command(args)).directory(dir.toFile())
                .redirectOutput(dir.resolve("node.out").toFile()).redirectError(stderr.toFile());
        pb.environment().putAll(ENV);
        return pb.start();
    }

    private static Result run(Path dir, String... args) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command(args)).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().putAll(ENV);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", args));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
