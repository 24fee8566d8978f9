package seqpool.bench.l2;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The baseline: one anvil in automine mode (a block per transaction, as soon as it arrives), standing for the single
 * centralized sequencer rollups run today. Started directly (not through the npm wrapper, which can leave an orphan).
 */
final class BaselineAnvil implements AutoCloseable {
    private final Process process;
    private final URI uri;

    private BaselineAnvil(Process process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    static BaselineAnvil start(Path binary, long chainId, Path log) throws Exception {
        Files.createDirectories(log.toAbsolutePath().getParent());
        for (int attempt = 0; ; attempt++) {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Process p = new ProcessBuilder(List.of(binary.toString(), "--host", "127.0.0.1", "--port",
                    Integer.toString(port), "--chain-id", Long.toString(chainId), "--silent"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            URI uri = URI.create("http://127.0.0.1:" + port);
            JsonRpcHttp rpc = new JsonRpcHttp(uri);
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (p.isAlive() && System.nanoTime() < deadline) {
                try {
                    rpc.call("eth_chainId");
                    return new BaselineAnvil(p, uri);
                } catch (IOException e) {
                    Thread.sleep(100);
                }
            }
            p.destroyForcibly();
            if (attempt == 2) {
                throw new IOException("anvil did not start (see " + log + ")");
            }
        }
    }

    URI uri() {
        return uri;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
