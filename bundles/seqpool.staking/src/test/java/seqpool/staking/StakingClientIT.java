package seqpool.staking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.utils.Numeric;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.staking.SequencerId;
import seqpool.api.staking.SequencerStatus;
import seqpool.api.staking.StakeSnapshot;
import seqpool.api.staking.StakingException;
import seqpool.contracts.anvil.AnvilProcess;
import seqpool.contracts.deploy.DeployedContracts;
import seqpool.contracts.wrappers.LockingPool;
import seqpool.contracts.wrappers.PoolKeyRegistry;
import seqpool.contracts.wrappers.TestStakeToken;
import seqpool.staking.cli.ContractsCommand;
import seqpool.staking.cli.StakeCommand;
import seqpool.staking.l1.L1Transactions;
import seqpool.staking.l1.Web3jStakingOperator;
import seqpool.staking.l1.Web3jStakingView;

/** The staking client and the operator CLI against a real anvil: deploy, lock, views at confirmed blocks, reverts. */
class StakingClientIT {
    private static final BigInteger TOKEN = BigInteger.TEN.pow(18);
    private static AnvilProcess anvil;
    private static Web3j web3j;
    private static HttpService http;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        anvil = AnvilProcess.start(Path.of(System.getProperty("seqpool.anvil.binary")), 31337,
                Path.of("target", "anvil.log"), List.of());
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

    private static void rpc(String method, List<?> params) throws Exception {
        Response<?> r = new Request<>(method, params, http, Raw.class).send();
        assertFalse(r.hasError(), () -> method + ": " + r.getError().getMessage());
    }

    public static final class Raw extends Response<Object> {
    }

    private static Credentials funded() throws Exception {
        Credentials c = Credentials.create(Keys.createEcKeyPair());
        rpc("anvil_setBalance", List.of(c.getAddress(), "0x3635C9ADC5DEA00000"));
        return c;
    }

    private static Path keyFile(String name, ECKeyPair kp) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, Numeric.toHexStringNoPrefixZeroPadded(kp.getPrivateKey(), 64) + "\n");
        return f;
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

    @Test
    void deployLockAndOperateThroughCliAndApi() throws Exception {
        Credentials admin = funded();
        Path adminKey = keyFile("admin.key", admin.getEcKeyPair());
        Path addresses = dir.resolve("contracts.yaml");
        ECKeyPair poolKey = Keys.createEcKeyPair();
        Run deploy = run(new ContractsCommand(), "deploy", "--rpc", anvil.rpcUrl(), "--key", adminKey.toString(),
                "--out", addresses.toString(), "--poll-ms", "50",
                "--pool-key", Numeric.toHexStringNoPrefixZeroPadded(poolKey.getPublicKey(), 128));
        assertEquals(0, deploy.code(), deploy.err());
        assertFalse(deploy.out().contains(Numeric.toHexStringNoPrefix(admin.getEcKeyPair().getPrivateKey())));
        DeployedContracts c = DeployedContracts.readFrom(addresses);
        assertEquals(31337, c.chainId());
        var adminTm = new RawTransactionManager(web3j, admin, 31337);
        var gas = new StaticGasProvider(BigInteger.valueOf(3_000_000_000L), BigInteger.valueOf(8_000_000));
        assertEquals("0x" + Keys.getAddress(poolKey.getPublicKey()),
                PoolKeyRegistry.load(c.poolKeyRegistry(), web3j, adminTm, gas).poolAddress().send());

        Credentials operator = funded();
        Path operatorKey = keyFile("operator.key", operator.getEcKeyPair());
        ECKeyPair signer = Keys.createEcKeyPair();
        Path signerKey = keyFile("signer.key", signer);
        LockingPool pool = LockingPool.load(c.lockingPool(), web3j, adminTm, gas);
        TestStakeToken token = TestStakeToken.load(c.stakeToken(), web3j, adminTm, gas);
        token.mint(operator.getAddress(), TOKEN.multiply(BigInteger.valueOf(200_000))).send();
        String[] common = {"--rpc", anvil.rpcUrl(), "--key", operatorKey.toString(), "--contracts", addresses.toString(),
                "--poll-ms", "50"};

        Run notListed = run(new StakeCommand(), concat(new String[] {"lock", "--signer-key", signerKey.toString(),
                "--amount", "20000"}, common));
        assertEquals(1, notListed.code());
        assertTrue(notListed.err().contains("NotWhitelisted(" + operator.getAddress()), notListed.err());

        pool.setWhitelist(operator.getAddress(), true).send();
        Run lock = run(new StakeCommand(), concat(new String[] {"lock", "--signer-key", signerKey.toString(),
                "--amount", "20000"}, common));
        assertEquals(0, lock.code(), lock.err());
        assertTrue(lock.out().contains("sequencer 1"), lock.out());

        Run tooMuch = run(new StakeCommand(), concat(new String[] {"relock", "--amount", "80001"}, common));
        assertEquals(1, tooMuch.code());
        assertTrue(tooMuch.err().contains("AmountOutOfBounds"), tooMuch.err());
        Run noReward = run(new StakeCommand(), concat(new String[] {"withdraw-rewards"}, common));
        assertEquals(1, noReward.code());
        assertTrue(noReward.err().contains("NoReward(1)"), noReward.err());
        Run usage = run(new StakeCommand(), "lock", "--rpc", anvil.rpcUrl());
        assertEquals(2, usage.code());

        // API: views at a confirmed block
        Web3jStakingView view = new Web3jStakingView(web3j, c.lockingPool(), 2);
        long lockedAt = web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
        assertTrue(view.snapshot().sequencers().isEmpty() || view.snapshot().l1Block() >= lockedAt - 1);
        StakingException future = assertThrows(StakingException.class, () -> view.snapshotAt(lockedAt));
        assertTrue(future.getMessage().contains("not confirmed"));
        rpc("anvil_mine", List.of("0x2"));
        StakeSnapshot snap = view.snapshotAt(lockedAt);
        assertEquals(1, snap.active().size());
        assertEquals(Address.fromHex("0x" + Keys.getAddress(signer.getPublicKey())), snap.active().get(0).signer());
        assertEquals(TOKEN.multiply(BigInteger.valueOf(20_000)), snap.activeStake());
        assertEquals(TOKEN.multiply(BigInteger.valueOf(20_000)), snap.minLock());
        assertTrue(new Web3jStakingView(web3j, c.lockingPool(), 0).snapshotAt(lockedAt - 3).sequencers().isEmpty());

        // API: operator transactions, nonce resync after the account was used elsewhere
        L1Transactions tx = new L1Transactions(web3j, operator, 31337, Duration.ofMillis(50), Duration.ofSeconds(30));
        Web3jStakingOperator op = new Web3jStakingOperator(web3j, tx, c.lockingPool(), c.stakeToken());
        assertEquals(new SequencerId(1), op.sequencer().orElseThrow());
        op.approveStake(TOKEN.multiply(BigInteger.valueOf(100_000)));
        TestStakeToken.load(c.stakeToken(), web3j, new RawTransactionManager(web3j, operator, 31337), gas)
                .approve(c.lockingPool(), TOKEN.multiply(BigInteger.valueOf(100_000))).send(); // same account, other sender
        var relock = op.relock(TOKEN.multiply(BigInteger.valueOf(5_000)), false);
        assertTrue(relock.gasUsed() > 21_000);
        op.withdraw(TOKEN.multiply(BigInteger.valueOf(1_000)));
        StakingException below = assertThrows(StakingException.class, () -> op.withdraw(TOKEN.multiply(BigInteger.valueOf(5_000))));
        assertTrue(below.revertReason().orElseThrow().startsWith("WithdrawBelowMinLock(1, "), below.getMessage());
        assertTrue(below.getMessage().contains("withdraw would revert"), below.getMessage());
        ECKeyPair newSigner = Keys.createEcKeyPair();
        StakingException throttled = assertThrows(StakingException.class,
                () -> op.updateSigner(Bytes.wrap(Numeric.toBytesPadded(newSigner.getPublicKey(), 64))));
        assertTrue(throttled.revertReason().orElseThrow().startsWith("SignerUpdateThrottled"));

        // unlock, wait the exit delay, claim; status shows the result
        assertEquals(0, run(new StakeCommand(), concat(new String[] {"unlock"}, common)).code());
        Run early = run(new StakeCommand(), concat(new String[] {"claim"}, common));
        assertTrue(early.err().contains("ExitDelayNotOver"), early.err());
        rpc("evm_increaseTime", List.of(21L * 24 * 3600));
        rpc("evm_mine", List.of());
        BigInteger before = token.balanceOf(operator.getAddress()).send();
        Run claim = run(new StakeCommand(), concat(new String[] {"claim"}, common));
        assertEquals(0, claim.code(), claim.err());
        assertEquals(before.add(TOKEN.multiply(BigInteger.valueOf(24_000))), token.balanceOf(operator.getAddress()).send());
        rpc("anvil_mine", List.of("0x2"));
        StakeSnapshot after = view.snapshot();
        assertEquals(SequencerStatus.EXITED, after.byId(new SequencerId(1)).orElseThrow().status());
        assertTrue(after.active().isEmpty());
        // the OSGi component reads the same through its configuration
        var config = (seqpool.staking.host.StakingViewComponent.Config) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {seqpool.staking.host.StakingViewComponent.Config.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "rpcUrl" -> anvil.rpcUrl();
                    case "contractsFile" -> addresses.toString();
                    case "confirmations" -> 1;
                    case "pollMs" -> 100L;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        var component = new seqpool.staking.host.StakingViewComponent(config);
        assertEquals(1, component.confirmations());
        assertEquals(SequencerStatus.EXITED, component.snapshot().byId(new SequencerId(1)).orElseThrow().status());
        Run status = run(new StakeCommand(), concat(new String[] {"status", "--confirmations", "0"}, common));
        assertEquals(0, status.code(), status.err());
        assertTrue(status.out().contains("active set: 0 sequencers"), status.out());
    }

    @Test
    void wrongChainAndBadKeyFileAreClearErrors() throws Exception {
        Path addresses = dir.resolve("other-chain.yaml");
        String a = "0x" + "11".repeat(20);
        new DeployedContracts(5, 1, a, a, a, a, a, a, a).writeTo(addresses);
        Path key = keyFile("k.key", Keys.createEcKeyPair());
        Run r = run(new StakeCommand(), "status", "--rpc", anvil.rpcUrl(), "--key", key.toString(), "--contracts",
                addresses.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("chain 31337") && r.err().contains("chain 5"), r.err());
        Path bad = dir.resolve("bad.key");
        Files.writeString(bad, "not a key");
        Run r2 = run(new ContractsCommand(), "deploy", "--rpc", anvil.rpcUrl(), "--key", bad.toString());
        assertEquals(1, r2.code());
        assertTrue(r2.err().contains("does not hold a 32-byte hex private key"), r2.err());
        assertFalse(r2.err().contains("not a key"));
    }

    private static String[] concat(String[] a, String[] b) {
        List<String> l = new ArrayList<>(List.of(a));
        l.addAll(List.of(b));
        return l.toArray(String[]::new);
    }
}
