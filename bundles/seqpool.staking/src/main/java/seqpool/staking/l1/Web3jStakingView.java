package seqpool.staking.l1;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;
import seqpool.api.staking.SequencerId;
import seqpool.api.staking.SequencerStake;
import seqpool.api.staking.SequencerStatus;
import seqpool.api.staking.StakeSnapshot;
import seqpool.api.staking.StakingException;
import seqpool.api.staking.StakingView;
import seqpool.contracts.wrappers.LockingPool;

/**
 * Reads LockingPool with eth_call pinned to one block (head minus {@code confirmations}). Thread-safe: each snapshot
 * uses its own wrapper instance.
 */
public final class Web3jStakingView implements StakingView {
    private static final String NOBODY = "0x0000000000000000000000000000000000000000";
    private final Web3j web3j;
    private final String lockingPool;
    private final int confirmations;

    public Web3jStakingView(Web3j web3j, String lockingPool, int confirmations) {
        if (confirmations < 0) {
            throw new IllegalArgumentException("confirmations must be >= 0, got " + confirmations);
        }
        this.web3j = web3j;
        this.lockingPool = lockingPool;
        this.confirmations = confirmations;
    }

    @Override
    public int confirmations() {
        return confirmations;
    }

    @Override
    public long confirmedBlock() throws StakingException {
        try {
            long head = web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
            return Math.max(0, head - confirmations);
        } catch (IOException e) {
            throw new StakingException("cannot read the L1 head", e);
        }
    }

    @Override
    public StakeSnapshot snapshot() throws StakingException {
        return snapshotAt(confirmedBlock());
    }

    @Override
    public StakeSnapshot snapshotAt(long l1Block) throws StakingException {
        long confirmed = confirmedBlock();
        if (l1Block > confirmed) {
            throw new StakingException("L1 block " + l1Block + " is not confirmed yet (confirmed: " + confirmed
                    + ", confirmations: " + confirmations + ")", (String) null);
        }
        DefaultBlockParameter at = DefaultBlockParameter.valueOf(BigInteger.valueOf(l1Block));
        LockingPool pool = LockingPool.load(lockingPool, web3j, new ReadonlyTransactionManager(web3j, NOBODY),
                new DefaultGasProvider());
        pool.setDefaultBlockParameter(at);
        try {
            EthBlock.Block block = web3j.ethGetBlockByNumber(at, false).send().getBlock();
            BigInteger min = pool.minLock().send();
            BigInteger max = pool.maxLock().send();
            long count = pool.sequencerCount().send().longValueExact();
            List<SequencerStake> all = new ArrayList<>();
            for (long i = 1; i <= count; i++) {
                all.add(toStake(new SequencerId(i), pool.getSequencer(BigInteger.valueOf(i)).send()));
            }
            return new StakeSnapshot(l1Block, Hash32.fromHex(block.getHash()), min, max, all);
        } catch (Exception e) {
            throw new StakingException("cannot read LockingPool " + lockingPool + " at block " + l1Block, e);
        }
    }

    static SequencerStake toStake(SequencerId id, LockingPool.Sequencer s) {
        return new SequencerStake(id, Address.fromHex(s.owner), Address.fromHex(s.signer),
                Address.fromHex(s.rewardRecipient), s.amount, s.reward, SequencerStatus.fromCode(s.status.intValueExact()),
                s.jailed, s.jailedUntil.longValueExact(), s.claimableAt.longValueExact(), s.nonce.longValueExact());
    }
}
