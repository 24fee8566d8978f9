package seqpool.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node whose required component cannot start says so in one line and exits non-zero, without a stack trace: p2p
 * port in use, admin port in use, store locked by another node, key file missing, damaged or with a wrong passphrase,
 * passphrase missing. Each run is the exported jar, as an operator starts it.
 */
class NodeStartupIT {
    private static final Path JAR = Path.of(System.getProperty("seqpool.jar", "target/seqpool.jar")).toAbsolutePath();
    private static final String PASS = "it-passphrase-123";
    private static Path keyDir;

    record Result(int code, String out, String err) {
        /** The lines a person reads on the terminal (stderr), without blank ones. */
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    @BeforeAll
    static void key(@TempDir Path dir) throws Exception {
        keyDir = dir;
        Result r = run(dir, Map.of("SEQPOOL_KEY_PASSPHRASE", PASS), "keys", "generate", "--out", "node-key.json",
                "--light");
        assertEquals(0, r.code(), r.err());
    }

    private static String config(Path dir, String name, int p2p, int admin, String extra) throws Exception {
        Files.copy(keyDir.resolve("node-key.json"), dir.resolve(name + "-key.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String yaml = "node:\n  name: " + name + "\n  dataDir: " + name + "\n  keyFile: " + name + "-key.json\n"
                + "  startTimeoutMs: 20000\n" + extra + "store:\n  mapSizeMb: 32\np2p:\n  listenHost: 127.0.0.1\n"
                + "  listenPort: " + p2p + "\nadmin:\n  port: " + admin + "\n";
        Files.writeString(dir.resolve(name + ".yaml"), yaml);
        return name + ".yaml";
    }

    /** Exit 1, exactly one ERROR line, which says {@code expected}, no stack trace, and never "node started". */
    private static void failsWithOneLine(Result r, String expected) {
        assertEquals(1, r.code(), r.err());
        List<String> errors = r.errLines().stream().filter(l -> l.contains("\"level\":\"ERROR\"")).toList();
        assertEquals(1, errors.size(), "one ERROR line: " + r.err());
        assertTrue(errors.get(0).contains("\"msg\":\"node not started: " + expected), errors.get(0));
        assertFalse(r.err().contains("\tat ") || r.err().contains("\\tat ") || r.err().contains("Exception"),
                "no stack trace: " + r.err());
        assertFalse(r.err().contains("node started"), r.err());
    }

    @Test
    void p2pPortInUse(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = listen()) {
            int port = taken.getLocalPort();
            Result r = run(dir, env(), "node", "--config", config(dir, "a", port, 0, ""));
            failsWithOneLine(r, "p2p: cannot listen on 127.0.0.1:" + port + ": Address already in use");
        }
    }

    @Test
    void adminPortInUse(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = listen()) {
            int port = taken.getLocalPort();
            Result r = run(dir, env(), "node", "--config", config(dir, "a", 0, port, ""));
            failsWithOneLine(r, "admin API: cannot listen on 127.0.0.1:" + port + ": Address already in use");
            assertFalse(Files.exists(dir.resolve("a/admin.token")), "no token written for a port it never had");
        }
    }

    @Test
    void storeLockedByAnotherNode(@TempDir Path dir) throws Exception {
        ProcessBuilder first = new ProcessBuilder(command("node", "--config", config(dir, "a", 0, 0, "")))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("a.log").toFile());
        first.environment().putAll(env());
        Process a = first.start();
        try {
            for (int i = 0; i < 600 && !Files.readString(dir.resolve("a.log")).contains("node started"); i++) {
                assertTrue(a.isAlive(), Files.readString(dir.resolve("a.log")));
                Thread.sleep(100);
            }
            Path store = dir.resolve("a/store").toAbsolutePath();
            Result r = run(dir, env(), "node", "--config", config(dir, "b", 0, 0, ""), "--check");
            assertEquals(0, r.code(), "config and key are fine: " + r.err());
            Files.writeString(dir.resolve("b.yaml"), Files.readString(dir.resolve("b.yaml"))
                    .replace("store:\n", "store:\n  path: " + store + "\n"));
            Result locked = run(dir, env(), "node", "--config", "b.yaml");
            failsWithOneLine(locked, "store: store.path " + store + " is locked by another process (another node?)");
        } finally {
            a.destroy();
            a.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void missingDamagedOrLockedKey(@TempDir Path dir) throws Exception {
        String cfg = config(dir, "a", 0, 0, "");
        Files.delete(dir.resolve("a-key.json"));
        keyError(run(dir, env(), "node", "--config", cfg), "key error: no key file at " + dir.resolve("a-key.json"));
        Files.writeString(dir.resolve("a-key.json"), "{ not a keystore");
        keyError(run(dir, env(), "node", "--config", cfg), "key error: cannot read key file "
                + dir.resolve("a-key.json") + ": ");
        Files.copy(keyDir.resolve("node-key.json"), dir.resolve("a-key.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        keyError(run(dir, Map.of("SEQPOOL_KEY_PASSPHRASE", "a-wrong-passphrase"), "node", "--config", cfg),
                "key error: cannot decrypt key file " + dir.resolve("a-key.json") + ": wrong passphrase or damaged file");
        keyError(run(dir, Map.of(), "node", "--config", cfg),
                "key error: no passphrase: set SEQPOOL_KEY_PASSPHRASE or node.passphraseFile in the config");
        String withFile = config(dir, "b", 0, 0, "  passphraseFile: nosuch.pass\n");
        keyError(run(dir, Map.of(), "node", "--config", withFile),
                "key error: cannot read passphrase file " + dir.resolve("nosuch.pass") + ": no such file");
    }

    @Test
    void missingTokenFileIsNamed(@TempDir Path dir) throws Exception {
        Result r = run(dir, env(), "modules", "update", "seqpool.p2p", "x.jar", "--node", "http://127.0.0.1:9",
                "--token-file", "nosuch.token");
        assertEquals(2, r.code(), r.err());
        assertEquals(List.of("modules update: no token file at nosuch.token (the node writes it to admin.tokenFile, "
                + "by default <dataDir>/admin.token, once its admin API listens)"), r.errLines());
    }

    private static void keyError(Result r, String line) {
        assertEquals(2, r.code(), r.err());
        List<String> lines = r.errLines();
        assertEquals(1, lines.size(), "one line: " + r.err());
        assertTrue(lines.get(0).startsWith(line), lines.get(0) + "\nexpected: " + line);
        assertFalse(r.err().contains("\tat "), r.err());
    }

    private static ServerSocket listen() throws Exception {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return s;
    }

    private static Map<String, String> env() {
        return Map.of("SEQPOOL_KEY_PASSPHRASE", PASS);
    }

    private static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
                "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static Result run(Path dir, Map<String, String> env, String... args) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command(args)).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Map<String, String> e = new HashMap<>(pb.environment());
        e.remove("SEQPOOL_KEY_PASSPHRASE");
        pb.environment().clear();
        pb.environment().putAll(e);
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", args));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
