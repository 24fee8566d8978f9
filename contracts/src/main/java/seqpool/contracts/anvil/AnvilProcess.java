package seqpool.contracts.anvil;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * A running anvil process on 127.0.0.1 at a free port, chain id 31337 unless told otherwise. {@link #start} picks a
 * free port, retries when the port was taken in between, and returns once {@code eth_chainId} answers; {@link #close}
 * stops the process (and its children). Output goes to a log file. Thread-safe after construction.
 *
 * <p>anvil runs under a small {@code /bin/sh} watchdog ({@link #OWNED}) that stops it when this JVM ends, even by
 * SIGKILL: the watchdog reads the pipe this JVM holds open as the child's stdin, and end-of-file there means the owner
 * is gone. Without it, a killed node or test left its anvil running (and its port and memory taken) for good.
 */
public final class AnvilProcess implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AnvilProcess.class.getName());
    private static final int ATTEMPTS = 5;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
    /**
     * {@code $0 $@} is anvil and its arguments. fd 3 keeps the owner's pipe for the watcher (an asynchronous list gets
     * /dev/null as stdin); anvil gets no stdin; the shell's exit code is anvil's.
     */
    static final String OWNED = "exec 3<&0; \"$0\" \"$@\" <&- 3<&- & a=$!; "
            + "(cat <&3 >/dev/null 2>&1; kill $a 2>/dev/null) & exec 3<&-; wait $a";

    private final Process process;
    private final int port;
    private final Path logFile;
    private final long anvilPid;

    private AnvilProcess(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.anvilPid = anvilChild(process);
    }

    /**
     * anvil's own process: the watchdog's child that no longer runs the shell (the other child, the watcher, does).
     * The watchdog's pid if it cannot be seen within a second.
     */
    private static long anvilChild(Process watchdog) {
        String shell = watchdog.info().command().orElse("");
        for (int i = 0; i < 100 && watchdog.isAlive(); i++) {
            var child = watchdog.children()
                    .filter(c -> c.info().command().map(cmd -> !cmd.equals(shell)).orElse(false))
                    .findFirst();
            if (child.isPresent()) {
                return child.get().pid();
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return watchdog.pid();
    }

    /** Starts {@code binary} with {@code --chain-id chainId} plus {@code extraArgs} (e.g. {@code --block-time 1}). */
    public static AnvilProcess start(Path binary, long chainId, Path logFile, List<String> extraArgs) throws IOException {
        if (!Files.isExecutable(binary)) {
            throw new IOException("anvil binary not found or not executable: " + binary + " (run npm ci in contracts/)");
        }
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            int port = freePort();
            List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", OWNED, binary.toString(), "--host", "127.0.0.1", "--port",
                    Integer.toString(port), "--chain-id", Long.toString(chainId), "--silent"));
            cmd.addAll(extraArgs);
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
            AnvilProcess anvil = new AnvilProcess(p, port, logFile);
            try {
                anvil.awaitReady();
                LOG.log(System.Logger.Level.INFO, "anvil ready at {0} (pid {1})", anvil.rpcUrl(), anvil.pid());
                return anvil;
            } catch (IOException e) {
                anvil.close();
                last = e;
                String log = Files.exists(logFile) ? Files.readString(logFile) : "";
                if (!log.contains("Address already in use")) {
                    break;
                }
            }
        }
        throw new IOException("anvil did not start; see " + logFile, last);
    }

    public String rpcUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    /** Whether the process is still running (an anvil that crashed or was killed is not). */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The process id, for logs and error messages. */
    public long pid() {
        return anvilPid;
    }

    /** The exit code once the process has ended; empty while it runs. */
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    private void awaitReady() throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(rpcUrl()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}", StandardCharsets.UTF_8))
                .build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("anvil exited with code " + process.exitValue());
            }
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("result")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for anvil", e);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for anvil", e);
            }
        }
        throw new IOException("anvil did not answer eth_chainId within " + READY_TIMEOUT);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close(); // the watchdog stops anvil and ends
        } catch (IOException e) {
            // already closed
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
