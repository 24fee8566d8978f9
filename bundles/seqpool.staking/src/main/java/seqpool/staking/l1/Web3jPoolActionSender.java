package seqpool.staking.l1;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.web3j.protocol.Web3j;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;
import org.web3j.utils.Numeric;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.DuplicateVoteEvidence;
import seqpool.api.staking.PoolActionResult;
import seqpool.api.staking.PoolActionSender;
import seqpool.api.staking.PoolChainState;
import seqpool.api.staking.SequencerId;
import seqpool.api.staking.StakingException;
import seqpool.contracts.deploy.DeployedContracts;
import seqpool.contracts.wrappers.LockingPool;
import seqpool.contracts.wrappers.SequencerSet;
import seqpool.staking.actions.AlreadyDoneGuard;
import seqpool.staking.actions.PoolActionRules;

/**
 * Posts the pool's decisions to SequencerSet and LockingPool from the node's signer account
 * ({@link NodeSignerTransactionManager}). Each call reads L1's latest state first and returns
 * {@link PoolActionResult.AlreadyDone} when the action is already there ({@link PoolActionRules}); otherwise it sends,
 * and if that fails it reads L1 again before reporting the failure ({@link AlreadyDoneGuard}). A revert is a
 * {@link StakingException} whose {@code revertReason()} is the decoded custom error, e.g.
 * {@code InvalidPoolSignature(1)}. Calls are serialized (one check-and-send at a time); thread-safe.
 */
public final class Web3jPoolActionSender implements PoolActionSender {
    private final NodeSignerTransactionManager tx;
    private final PoolChainReader reader;
    private final SequencerSet sequencerSet; // only encodes calls
    private final LockingPool lockingPool; // only encodes calls

    public Web3jPoolActionSender(Web3j web3j, NodeSignerTransactionManager tx, DeployedContracts contracts) {
        if (tx.chainId() != contracts.chainId()) {
            throw new IllegalArgumentException("the signer's L1 is chain " + tx.chainId()
                    + " but the contracts are deployed on chain " + contracts.chainId());
        }
        this.tx = tx;
        this.reader = new PoolChainReader(web3j, contracts);
        var readonly = new ReadonlyTransactionManager(web3j, tx.getFromAddress());
        this.sequencerSet = SequencerSet.load(contracts.sequencerSet(), web3j, readonly, new DefaultGasProvider());
        this.lockingPool = LockingPool.load(contracts.lockingPool(), web3j, readonly, new DefaultGasProvider());
    }

    @Override
    public Address account() {
        return tx.account();
    }

    @Override
    public synchronized PoolChainState chainState() throws StakingException {
        return reader.state();
    }

    @Override
    public synchronized PoolActionResult commitEpoch(long epochId, long firstL2Block, long lastL2Block,
            Address producer, Bytes poolSignature) throws StakingException {
        positive("epochId", epochId);
        nonNegative("firstL2Block", firstL2Block);
        nonNegative("lastL2Block", lastL2Block);
        String what = "commitEpoch(" + epochId + ")";
        String data = sequencerSet.commitEpoch(uint(epochId), uint(firstL2Block), uint(lastL2Block), producer.toHex(),
                poolSignature.toArray()).encodeFunctionCall();
        return AlreadyDoneGuard.run(() -> {
            PoolChainState s = reader.state();
            Optional<String> done = PoolActionRules.commitEpoch(epochId, s);
            if (done.isEmpty()) {
                return done;
            }
            SequencerSet.Epoch e = reader.epoch(epochId, s.l1Block());
            return Optional.of(done.get() + PoolActionRules.rangeNote(firstL2Block, lastL2Block,
                    e.firstL2Block.longValueExact(), e.lastL2Block.longValueExact()));
        }, () -> tx.send(sequencerSet.getContractAddress(), data, what));
    }

    @Override
    public synchronized PoolActionResult recommitEpoch(long epochId, int rotation, long fromL2Block, Address producer,
            Bytes poolSignature) throws StakingException {
        positive("epochId", epochId);
        positive("rotation", rotation);
        nonNegative("fromL2Block", fromL2Block);
        String what = "recommitEpoch(" + epochId + ", rotation " + rotation + ")";
        String data = sequencerSet.recommitEpoch(uint(epochId), uint(fromL2Block), producer.toHex(),
                poolSignature.toArray()).encodeFunctionCall();
        return AlreadyDoneGuard.run(() -> {
            PoolChainState s = reader.state();
            int rotations = rotationsOf(epochId, s);
            Optional<String> done = PoolActionRules.recommitEpoch(epochId, rotation, rotations, s);
            if (done.isEmpty()) {
                PoolActionRules.requireNextRotation(epochId, rotation, rotations);
            }
            return done;
        }, () -> tx.send(sequencerSet.getContractAddress(), data, what));
    }

    private int rotationsOf(long epochId, PoolChainState s) throws StakingException {
        return epochId == s.currentEpochId() ? s.currentRotations()
                : reader.epoch(epochId, s.l1Block()).rotations.intValueExact();
    }

    @Override
    public synchronized PoolActionResult jail(long actionNonce, SequencerId sequencer, Hash32 reasonHash,
            Bytes poolSignature) throws StakingException {
        positive("actionNonce", actionNonce);
        String what = "jail(" + sequencer + ", pool-action nonce " + actionNonce + ")";
        String data = lockingPool.jail(BigInteger.valueOf(sequencer.value()), reasonHash.value().toArray(),
                poolSignature.toArray()).encodeFunctionCall();
        return AlreadyDoneGuard.run(() -> {
            PoolChainState s = reader.state();
            Optional<String> done = PoolActionRules.poolAction(actionNonce, s);
            if (done.isEmpty()) {
                PoolActionRules.requireNextActionNonce("jail", actionNonce, s);
            }
            return done;
        }, () -> tx.send(lockingPool.getContractAddress(), data, what));
    }

    @Override
    public synchronized PoolActionResult slash(long actionNonce, SequencerId sequencer, BigInteger amount,
            Hash32 reasonHash, Bytes poolSignature) throws StakingException {
        positive("actionNonce", actionNonce);
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("slash amount must be positive: " + amount);
        }
        String what = "slash(" + sequencer + ", " + amount + " wei, pool-action nonce " + actionNonce + ")";
        String data = lockingPool.slash(BigInteger.valueOf(sequencer.value()), amount, reasonHash.value().toArray(),
                poolSignature.toArray()).encodeFunctionCall();
        return AlreadyDoneGuard.run(() -> {
            PoolChainState s = reader.state();
            Optional<String> done = PoolActionRules.poolAction(actionNonce, s);
            if (done.isEmpty()) {
                PoolActionRules.requireNextActionNonce("slash", actionNonce, s);
            }
            return done;
        }, () -> tx.send(lockingPool.getContractAddress(), data, what));
    }

    @Override
    public synchronized PoolActionResult submitRewards(long batchId, long startEpoch, long endEpoch,
            List<SequencerId> sequencers, List<BigInteger> blocks, Bytes poolSignature) throws StakingException {
        positive("batchId", batchId);
        positive("startEpoch", startEpoch);
        positive("endEpoch", endEpoch);
        if (sequencers.size() != blocks.size()) {
            throw new IllegalArgumentException("one block count per sequencer: " + sequencers.size() + " sequencers, "
                    + blocks.size() + " counts");
        }
        List<BigInteger> ids = new ArrayList<>();
        for (SequencerId id : sequencers) {
            ids.add(BigInteger.valueOf(id.value()));
        }
        for (BigInteger b : blocks) {
            if (b.signum() < 0) {
                throw new IllegalArgumentException("block counts are non-negative, got " + b);
            }
        }
        String what = "submitRewards(batch " + batchId + ")";
        String data = lockingPool.submitRewards(uint(batchId), uint(startEpoch), uint(endEpoch), ids, List.copyOf(blocks),
                poolSignature.toArray()).encodeFunctionCall();
        return AlreadyDoneGuard.run(() -> PoolActionRules.submitRewards(batchId, reader.state()),
                () -> tx.send(lockingPool.getContractAddress(), data, what));
    }

    @Override
    public synchronized PoolActionResult slashDoubleSign(DuplicateVoteEvidence evidence) throws StakingException {
        byte[] key = DoubleSignEvidence.key(evidence);
        String keyHex = Numeric.toHexString(key);
        String what = "slashDoubleSign(" + evidence.offender() + " at height " + evidence.height() + ")";
        String data = lockingPool.slashDoubleSign(DoubleSignEvidence.vote(evidence.first()),
                DoubleSignEvidence.signature(evidence.first()), DoubleSignEvidence.vote(evidence.second()),
                DoubleSignEvidence.signature(evidence.second())).encodeFunctionCall();
        return AlreadyDoneGuard.run(() -> {
            long block = reader.latestBlock();
            return PoolActionRules.slashDoubleSign(reader.evidenceUsed(key, block), keyHex, block);
        }, () -> tx.send(lockingPool.getContractAddress(), data, what));
    }

    private static BigInteger uint(long v) {
        return BigInteger.valueOf(v);
    }

    private static void positive(String name, long v) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + v);
        }
    }

    private static void nonNegative(String name, long v) {
        if (v < 0) {
            throw new IllegalArgumentException(name + " must be non-negative, got " + v);
        }
    }
}
