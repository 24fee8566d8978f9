package seqpool.contracts.testing;

import static seqpool.contracts.testing.Chain.ok;

import java.math.BigInteger;
import java.security.SecureRandom;

import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.tx.TransactionManager;
import org.web3j.utils.Numeric;

import seqpool.contracts.deploy.ContractDeployer;
import seqpool.contracts.deploy.DeployOptions;
import seqpool.contracts.deploy.DeployedContracts;
import seqpool.contracts.wrappers.BatchInbox;
import seqpool.contracts.wrappers.ForcedInclusionQueue;
import seqpool.contracts.wrappers.LockingPool;
import seqpool.contracts.wrappers.ModuleRegistry;
import seqpool.contracts.wrappers.PoolKeyRegistry;
import seqpool.contracts.wrappers.SeqpoolTimelock;
import seqpool.contracts.wrappers.SequencerSet;
import seqpool.contracts.wrappers.TestStakeToken;

/** The whole contract set deployed by {@link ContractDeployer} with a registered pool key, plus operator helpers. */
public final class Deployment {
    public static final BigInteger TOKEN = BigInteger.TEN.pow(18);

    public final Chain chain;
    public final Credentials admin;
    public final Credentials slashSink;
    public final PoolKey poolKey;
    public final DeployedContracts addresses;
    public final TestStakeToken token;
    public final PoolKeyRegistry registry;
    public final LockingPool pool;
    public final SequencerSet sequencerSet;
    public final BatchInbox inbox;
    public final ForcedInclusionQueue forcedQueue;
    public final ModuleRegistry modules;
    public final SeqpoolTimelock timelock;

    public Deployment(Chain chain) throws Exception {
        this.chain = chain;
        this.admin = chain.newAccount();
        this.slashSink = chain.newAccount();
        this.poolKey = PoolKey.generate(new SecureRandom());
        TransactionManager tm = chain.txManager(admin);
        DeployOptions devnet = DeployOptions.devnet(admin.getAddress());
        DeployOptions options = new DeployOptions(admin.getAddress(), devnet.stakeToken(), slashSink.getAddress(),
                devnet.genesisL2Block(), devnet.timelockDelaySeconds(), devnet.devnetMint());
        this.addresses = new ContractDeployer(chain.web3j(), tm, Chain.GAS).deploy(options);
        token = TestStakeToken.load(addresses.stakeToken(), chain.web3j(), tm, Chain.GAS);
        registry = PoolKeyRegistry.load(addresses.poolKeyRegistry(), chain.web3j(), tm, Chain.GAS);
        pool = LockingPool.load(addresses.lockingPool(), chain.web3j(), tm, Chain.GAS);
        sequencerSet = SequencerSet.load(addresses.sequencerSet(), chain.web3j(), tm, Chain.GAS);
        inbox = BatchInbox.load(addresses.batchInbox(), chain.web3j(), tm, Chain.GAS);
        forcedQueue = ForcedInclusionQueue.load(addresses.forcedInclusionQueue().orElseThrow(), chain.web3j(), tm,
                Chain.GAS);
        modules = ModuleRegistry.load(addresses.moduleRegistry(), chain.web3j(), tm, Chain.GAS);
        timelock = SeqpoolTimelock.load(addresses.timelock(), chain.web3j(), tm, Chain.GAS);
        ok(registry.registerInitialKey(poolKey.pubkey64()));
    }

    /** A whitelisted operator account holding {@code tokens} stake tokens, with the pool approved to pull them. */
    public Operator operator(long tokens) throws Exception {
        Credentials c = chain.newAccount();
        ok(pool.setWhitelist(c.getAddress(), true));
        ok(token.mint(c.getAddress(), TOKEN.multiply(BigInteger.valueOf(tokens))));
        Operator op = new Operator(c, chain.newKey(), LockingPool.load(pool.getContractAddress(), chain.web3j(),
                chain.txManager(c), Chain.GAS));
        TestStakeToken asOp = TestStakeToken.load(token.getContractAddress(), chain.web3j(), chain.txManager(c), Chain.GAS);
        ok(asOp.approve(pool.getContractAddress(), TOKEN.multiply(BigInteger.valueOf(1_000_000_000L))));
        return op;
    }

    /** An operator account: its credentials, its consensus (signer) key and the pool as seen from it. */
    public record Operator(Credentials credentials, ECKeyPair signerKey, LockingPool pool) {
        public String address() {
            return credentials.getAddress();
        }

        public String signer() {
            return "0x" + Keys.getAddress(signerKey.getPublicKey());
        }

        public byte[] signerPubkey() {
            return Numeric.toBytesPadded(signerKey.getPublicKey(), 64);
        }
    }

    public static BigInteger tokens(long n) {
        return TOKEN.multiply(BigInteger.valueOf(n));
    }
}
