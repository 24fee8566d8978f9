package seqpool.staking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

import seqpool.contracts.anvil.AnvilProcess;
import seqpool.contracts.deploy.DeployedContracts;
import seqpool.staking.cli.ContractsCommand;
import seqpool.staking.cli.ForcedCommand;

/** {@code seqpool forced enqueue|status} against anvil, after {@code seqpool contracts deploy}. */
class ForcedCliIT {
    private static AnvilProcess anvil;
    private static Web3j web3j;
    private static HttpService http;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        anvil = AnvilProcess.start(Path.of(System.getProperty("seqpool.anvil.binary")), 31337,
                Path.of("target", "anvil-forced.log"), List.of());
        http = new HttpService(anvil.rpcUrl());
        web3j = Web3j.build(http, 100, Executors.newSingleThreadScheduledExecutor());
    }

    @AfterAll
    static void stop() {
        if (web3j != null) {
            web3j.shutdown();
        }
        if (anvil != null) {
            anvil.close();
        }
    }

    public static final class Raw extends Response<Object> {
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(seqpool.api.cli.CliCommand cmd, String... args) throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = cmd.run(List.of(args), new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    private static Path fundedKey(String name) throws Exception {
        Credentials c = Credentials.create(Keys.createEcKeyPair());
        Response<?> r = new Request<>("anvil_setBalance", List.of(c.getAddress(), "0x3635C9ADC5DEA00000"), http,
                Raw.class).send();
        assertTrue(!r.hasError());
        Path f = dir.resolve(name);
        Files.writeString(f, Numeric.toHexStringNoPrefixZeroPadded(c.getEcKeyPair().getPrivateKey(), 64) + "\n");
        return f;
    }

    @Test
    void deployWithAPoolKeyWritesTheAddressesAndRegistersIt() throws Exception {
        Path admin = fundedKey("admin-pk.key");
        Path addresses = dir.resolve("contracts-pk.yaml");
        String g = "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
                + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8";
        Run deploy = run(new ContractsCommand(), "deploy", "--rpc", anvil.rpcUrl(), "--key", admin.toString(), "--out",
                addresses.toString(), "--poll-ms", "50", "--pool-key", "0x" + g);
        assertEquals(0, deploy.code(), deploy.err());
        assertTrue(deploy.out().contains("registered pool key generation 1"), deploy.out());
        assertTrue(deploy.out().indexOf("wrote ") < deploy.out().indexOf("registered pool key"), "addresses first");
        assertTrue(DeployedContracts.readFrom(addresses).poolKeyRegistry().startsWith("0x"));
    }

    @Test
    void enqueuesSignedL2TransactionsAndReportsTheQueue() throws Exception {
        Path admin = fundedKey("admin.key");
        Path addresses = dir.resolve("contracts.yaml");
        Run deploy = run(new ContractsCommand(), "deploy", "--rpc", anvil.rpcUrl(), "--key", admin.toString(), "--out",
                addresses.toString(), "--poll-ms", "50");
        assertEquals(0, deploy.code(), deploy.err());
        assertTrue(DeployedContracts.readFrom(addresses).forcedInclusionQueue().isPresent());

        Path user = fundedKey("user.key");
        Credentials l2Sender = Credentials.create(Keys.createEcKeyPair());
        String l2Tx = Numeric.toHexString(TransactionEncoder.signMessage(RawTransaction.createTransaction(901,
                BigInteger.ZERO, BigInteger.valueOf(21_000), "0x000000000000000000000000000000000000dEaD",
                BigInteger.ONE, "", BigInteger.ONE, BigInteger.TEN.pow(10)), l2Sender));
        String[] common = {"--rpc", anvil.rpcUrl(), "--key", user.toString(), "--contracts", addresses.toString(),
                "--poll-ms", "50"};
        Run first = run(new ForcedCommand(), concat(new String[] {"enqueue", "--tx", l2Tx}, common));
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("enqueued forced message 0"), first.out());
        Run garbage = run(new ForcedCommand(), concat(new String[] {"enqueue", "--tx", "0x0102"}, common));
        assertEquals(0, garbage.code(), garbage.err());
        assertTrue(garbage.out().contains("warning: --tx does not decode"), garbage.out());
        assertTrue(garbage.out().contains("enqueued forced message 1"), garbage.out());

        Run tooBig = run(new ForcedCommand(), concat(new String[] {"enqueue", "--tx",
                "0x" + "ab".repeat(16_001)}, common));
        assertEquals(1, tooBig.code());
        assertTrue(tooBig.err().contains("TransactionTooLarge"), tooBig.err());

        Run status = run(new ForcedCommand(), "status", "--rpc", anvil.rpcUrl(), "--contracts", addresses.toString());
        assertEquals(0, status.code(), status.err());
        assertTrue(status.out().contains("length 2"), status.out());

        Path old = dir.resolve("old.yaml");
        Files.write(old, Files.readAllLines(addresses).stream().filter(l -> !l.startsWith("forcedInclusionQueue"))
                .toList());
        Run noQueue = run(new ForcedCommand(), "status", "--rpc", anvil.rpcUrl(), "--contracts", old.toString());
        assertEquals(1, noQueue.code());
        assertTrue(noQueue.err().contains("names no forcedInclusionQueue"), noQueue.err());
        Run usage = run(new ForcedCommand());
        assertEquals(2, usage.code());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
