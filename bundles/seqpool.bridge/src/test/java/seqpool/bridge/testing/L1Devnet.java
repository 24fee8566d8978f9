package seqpool.bridge.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.FastRawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

import seqpool.contracts.anvil.AnvilProcess;
import seqpool.contracts.deploy.ContractDeployer;
import seqpool.contracts.deploy.DeployOptions;
import seqpool.contracts.deploy.DeployedContracts;
import seqpool.contracts.wrappers.LockingPool;
import seqpool.contracts.wrappers.TestStakeToken;

/**
 * A real L1 for the integration tests: anvil (automine, started from {@code seqpool.anvil.binary}) with the whole
 * contract set deployed and the addresses file written, plus helpers to lock stake and to mine, snapshot and revert.
 */
public final class L1Devnet implements AutoCloseable {
    public static final long CHAIN_ID = 31337;
    public static final BigInteger STAKE = BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(20_000));
    private static final ContractGasProvider GAS =
            new StaticGasProvider(BigInteger.valueOf(3_000_000_000L), BigInteger.valueOf(12_000_000));

    /** A whitelisted operator with tokens and allowance, ready to lock. */
    public record Operator(Credentials credentials, ECKeyPair signer) {
        public String address() {
            return credentials.getAddress();
        }
    }

    /** A Locked transaction: its block, its hash, the operator. */
    public record Lock(long block, String txHash, String owner) {
    }

    public final AnvilProcess anvil;
    public final Web3j web3j;
    public final DeployedContracts contracts;
    public final Path contractsFile;
    private final HttpService http;
    private final ScheduledExecutorService executor;
    private final LockingPool adminPool;
    private final TestStakeToken adminToken;

    private L1Devnet(AnvilProcess anvil, Path dir) throws Exception {
        this.anvil = anvil;
        this.http = new HttpService(anvil.rpcUrl());
        this.executor = Executors.newSingleThreadScheduledExecutor();
        this.web3j = Web3j.build(http, 100, executor);
        Credentials admin = funded();
        TransactionManager tm = txManager(admin);
        this.contracts = new ContractDeployer(web3j, tm, GAS).deploy(DeployOptions.devnet(admin.getAddress()));
        this.contractsFile = dir.resolve("contracts.yaml");
        contracts.writeTo(contractsFile);
        this.adminPool = LockingPool.load(contracts.lockingPool(), web3j, tm, GAS);
        this.adminToken = TestStakeToken.load(contracts.stakeToken(), web3j, tm, GAS);
    }

    /** Starts anvil (log in target/anvil-{name}.log) and deploys; the addresses file goes to {@code dir}. */
    public static L1Devnet start(String name, Path dir) throws Exception {
        String binary = System.getProperty("seqpool.anvil.binary");
        if (binary == null) {
            throw new IllegalStateException("system property seqpool.anvil.binary is not set (run through Maven)");
        }
        AnvilProcess anvil = AnvilProcess.start(Path.of(binary), CHAIN_ID, Path.of("target", "anvil-" + name + ".log"),
                List.of());
        try {
            return new L1Devnet(anvil, dir);
        } catch (Exception e) {
            anvil.close();
            throw e;
        }
    }

    private TransactionManager txManager(Credentials c) {
        return new FastRawTransactionManager(web3j, c, CHAIN_ID, new PollingTransactionReceiptProcessor(web3j, 50, 400));
    }

    public Credentials funded() throws Exception {
        Credentials c = Credentials.create(Keys.createEcKeyPair());
        rpc("anvil_setBalance", List.of(c.getAddress(), "0x3635C9ADC5DEA00000"));
        return c;
    }

    /** Whitelists a new operator, mints its stake and approves the pool: three blocks. */
    public Operator operator() throws Exception {
        Credentials c = funded();
        ok(adminPool.setWhitelist(c.getAddress(), true).send());
        ok(adminToken.mint(c.getAddress(), STAKE).send());
        ok(TestStakeToken.load(contracts.stakeToken(), web3j, txManager(c), GAS).approve(contracts.lockingPool(), STAKE)
                .send());
        return new Operator(c, Keys.createEcKeyPair());
    }

    /** The operator locks the minimum stake: one block with a Locked event. */
    public Lock lock(Operator op) throws Exception {
        LockingPool pool = LockingPool.load(contracts.lockingPool(), web3j, txManager(op.credentials()), GAS);
        String signer = "0x" + Keys.getAddress(op.signer().getPublicKey());
        TransactionReceipt r = ok(pool.lockFor(signer, STAKE, Numeric.toBytesPadded(op.signer().getPublicKey(), 64))
                .send());
        return new Lock(r.getBlockNumber().longValueExact(), r.getTransactionHash(), op.address());
    }

    public Lock lockNew() throws Exception {
        return lock(operator());
    }

    public void mine(int blocks) throws IOException {
        rpc("anvil_mine", List.of(Numeric.toHexStringWithPrefix(BigInteger.valueOf(blocks))));
    }

    public String snapshot() throws IOException {
        return String.valueOf(rpc("evm_snapshot", List.of()));
    }

    public void revert(String snapshot) throws IOException {
        Object ok = rpc("evm_revert", List.of(snapshot));
        if (!Boolean.TRUE.equals(ok)) {
            throw new IllegalStateException("evm_revert " + snapshot + " answered " + ok);
        }
    }

    public long head() throws IOException {
        return web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
    }

    public String blockHash(long number) throws IOException {
        return web3j.ethGetBlockByNumber(org.web3j.protocol.core.DefaultBlockParameter.valueOf(
                BigInteger.valueOf(number)), false).send().getBlock().getHash();
    }

    private Object rpc(String method, List<?> params) throws IOException {
        Response<?> r = new Request<>(method, params, http, Raw.class).send();
        if (r.hasError()) {
            throw new IOException(method + ": " + r.getError().getMessage());
        }
        return r.getResult();
    }

    private static TransactionReceipt ok(TransactionReceipt r) {
        if (!r.isStatusOK()) {
            throw new AssertionError("transaction failed: " + r);
        }
        return r;
    }

    @Override
    public void close() {
        web3j.shutdown();
        executor.shutdownNow();
        anvil.close();
    }

    /** Any JSON-RPC result. */
    public static final class Raw extends Response<Object> {
    }
}
