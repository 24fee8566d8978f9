package seqpool.staking.l1;

import java.io.IOException;
import java.math.BigInteger;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.tuples.generated.Tuple5;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;
import org.web3j.utils.Numeric;

import seqpool.api.common.Bytes;
import seqpool.api.staking.PoolChainState;
import seqpool.api.staking.StakingException;
import seqpool.contracts.deploy.DeployedContracts;
import seqpool.contracts.wrappers.LockingPool;
import seqpool.contracts.wrappers.PoolKeyRegistry;
import seqpool.contracts.wrappers.SequencerSet;

/**
 * Reads the pool contracts' counters with eth_call pinned to one L1 block, so that the values of one
 * {@link PoolChainState} belong together. Thread-safe: each read loads its own wrappers.
 */
final class PoolChainReader {
    private static final String NOBODY = "0x0000000000000000000000000000000000000000";
    private final Web3j web3j;
    private final DeployedContracts contracts;

    PoolChainReader(Web3j web3j, DeployedContracts contracts) {
        this.web3j = web3j;
        this.contracts = contracts;
    }

    long latestBlock() throws StakingException {
        try {
            return web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
        } catch (IOException | RuntimeException e) {
            throw new StakingException("cannot read the L1 head", e);
        }
    }

    /** The counters at the latest block. */
    PoolChainState state() throws StakingException {
        return state(latestBlock());
    }

    PoolChainState state(long block) throws StakingException {
        SequencerSet set = at(SequencerSet.load(contracts.sequencerSet(), web3j, readonly(), new DefaultGasProvider()), block);
        LockingPool pool = at(LockingPool.load(contracts.lockingPool(), web3j, readonly(), new DefaultGasProvider()), block);
        PoolKeyRegistry registry = at(PoolKeyRegistry.load(contracts.poolKeyRegistry(), web3j, readonly(),
                new DefaultGasProvider()), block);
        try {
            Tuple5<BigInteger, BigInteger, BigInteger, String, BigInteger> epoch = set.currentEpoch().send();
            long generation = registry.keyGeneration().send().longValueExact();
            Bytes key = generation == 0 ? Bytes.EMPTY
                    : Bytes.wrap(Numeric.toBytesPadded(registry.keyX().send(), 32))
                            .concat(Bytes.wrap(Numeric.toBytesPadded(registry.keyY().send(), 32)));
            return new PoolChainState(block, epoch.component1().longValueExact(), epoch.component5().intValueExact(),
                    pool.lastRewardBatchId().send().longValueExact(), pool.lastRewardEpoch().send().longValueExact(),
                    pool.poolActionNonce().send().longValueExact(), generation, key);
        } catch (Exception e) {
            throw new StakingException("cannot read the pool contracts at L1 block " + block, e);
        }
    }

    /** SequencerSet's record of epoch {@code id} (all zero if it was never committed). */
    SequencerSet.Epoch epoch(long id, long block) throws StakingException {
        SequencerSet set = at(SequencerSet.load(contracts.sequencerSet(), web3j, readonly(), new DefaultGasProvider()), block);
        try {
            return set.getEpoch(BigInteger.valueOf(id)).send();
        } catch (Exception e) {
            throw new StakingException("cannot read epoch " + id + " from SequencerSet at L1 block " + block, e);
        }
    }

    boolean evidenceUsed(byte[] key, long block) throws StakingException {
        LockingPool pool = at(LockingPool.load(contracts.lockingPool(), web3j, readonly(), new DefaultGasProvider()), block);
        try {
            return pool.evidenceUsed(key).send();
        } catch (Exception e) {
            throw new StakingException("cannot read evidenceUsed from LockingPool at L1 block " + block, e);
        }
    }

    private ReadonlyTransactionManager readonly() {
        return new ReadonlyTransactionManager(web3j, NOBODY);
    }

    private static <C extends org.web3j.tx.Contract> C at(C contract, long block) {
        contract.setDefaultBlockParameter(DefaultBlockParameter.valueOf(BigInteger.valueOf(block)));
        return contract;
    }
}
