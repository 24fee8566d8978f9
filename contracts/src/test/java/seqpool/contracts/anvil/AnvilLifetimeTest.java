package seqpool.contracts.anvil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** anvil lives exactly as long as its owner: closed, crashed, or owned by a JVM that was killed with SIGKILL. */
class AnvilLifetimeTest {
    private static final Path BINARY = Path.of(System.getProperty("seqpool.anvil.binary",
            "node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"));

    @TempDir
    Path dir;

    @Test
    void anvilOfAJvmKilledWithSigkillStops() throws Exception {
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Owner.class.getName(), BINARY.toString(),
                dir.resolve("anvil.log").toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("anvil "), "the owner started anvil: " + line);
            ProcessHandle anvil = ProcessHandle.of(Long.parseLong(line.substring(6))).orElseThrow();
            assertTrue(anvil.info().command().orElse("").endsWith("anvil"), "the pid is anvil's own");

            owner.destroyForcibly(); // SIGKILL: no shutdown hook, no close()
            assertTrue(owner.waitFor(10, TimeUnit.SECONDS));
            anvil.onExit().get(10, TimeUnit.SECONDS);
            assertFalse(anvil.isAlive(), "anvil stopped with its owner");
        } finally {
            owner.destroyForcibly();
        }
    }

    @Test
    void closeStopsAnvilAndItsWatchdog() throws Exception {
        List<ProcessHandle> before = ProcessHandle.current().descendants().toList(); // other tests' anvils
        AnvilProcess a = AnvilProcess.start(BINARY, 31337, dir.resolve("close.log"), List.of());
        ProcessHandle anvil = ProcessHandle.of(a.pid()).orElseThrow();
        List<ProcessHandle> all = ProcessHandle.current().descendants().filter(p -> !before.contains(p)).toList();
        assertTrue(all.contains(anvil));
        a.close();
        for (ProcessHandle p : all) {
            p.onExit().get(5, TimeUnit.SECONDS); // the watcher ends once it has seen end-of-file
        }
        assertFalse(anvil.isAlive());
        assertFalse(a.isAlive());
        all.forEach(p -> assertFalse(p.isAlive(), "left behind: " + p.info()));
    }

    @Test
    void aCrashedAnvilIsSeenWithItsExitCode() throws Exception {
        try (AnvilProcess a = AnvilProcess.start(BINARY, 31337, dir.resolve("crash.log"), List.of())) {
            assertNotEquals(ProcessHandle.current().pid(), a.pid());
            ProcessHandle.of(a.pid()).orElseThrow().destroyForcibly();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (a.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertFalse(a.isAlive(), "the watchdog ends with anvil");
            assertEquals(128 + 9, a.exitCode().orElseThrow(), "the shell reports anvil's SIGKILL");
        }
    }

    /** The owner JVM of the first test: starts anvil, prints its pid, waits to be killed. */
    public static final class Owner {
        public static void main(String[] args) throws Exception {
            AnvilProcess a = AnvilProcess.start(Path.of(args[0]), 31337, Path.of(args[1]), List.of());
            System.out.println("anvil " + a.pid());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
