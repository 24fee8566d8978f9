package seqpool.staking.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

import picocli.CommandLine.Option;

/** Options shared by the L1 commands: the RPC endpoint, the account key file and the receipt polling interval. */
final class L1Options {
    @Option(names = "--rpc", required = true, description = "L1 JSON-RPC URL, e.g. http://127.0.0.1:8545")
    String rpc;

    @Option(names = "--key", required = true, description = "file holding the account's private key (hex, one line)")
    Path keyFile;

    @Option(names = "--poll-ms", defaultValue = "200", description = "receipt polling interval in ms (default 200)")
    long pollMs;

    @Option(names = "--timeout-s", defaultValue = "120", description = "how long to wait for a receipt (default 120 s)")
    long timeoutSeconds;

    private ScheduledExecutorService executor;

    Web3j connect() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "seqpool-cli-web3j");
            t.setDaemon(true);
            return t;
        });
        return Web3j.build(new HttpService(rpc), pollMs, executor);
    }

    Duration poll() {
        return Duration.ofMillis(pollMs);
    }

    Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    /** Reads the key file; the key itself never appears in messages. */
    Credentials credentials() throws IOException {
        String hex = Files.readString(keyFile, StandardCharsets.US_ASCII).strip();
        if (!hex.matches("(0x)?[0-9a-fA-F]{64}")) {
            throw new IOException(keyFile + " does not hold a 32-byte hex private key");
        }
        return Credentials.create(hex);
    }
}
