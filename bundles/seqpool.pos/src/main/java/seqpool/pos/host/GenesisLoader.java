package seqpool.pos.host;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

import seqpool.api.staking.SequencerStake;
import seqpool.api.staking.StakeSnapshot;
import seqpool.api.staking.StakingException;
import seqpool.api.staking.StakingView;
import seqpool.contracts.deploy.DeployedContracts;
import seqpool.contracts.wrappers.LockingPool;
import seqpool.contracts.wrappers.SequencerSet;
import seqpool.pos.state.Genesis;

/**
 * Reads the genesis from L1 at the configured confirmed block: the active sequencers (StakingView) and LockingPool's
 * counters; refuses a SequencerSet that already holds epochs (the pool numbers its epochs from 1).
 */
final class GenesisLoader {
    private static final String NOBODY = "0x0000000000000000000000000000000000000000";

    private GenesisLoader() {
    }

    static Genesis load(StakingView view, Web3j web3j, DeployedContracts c, long block) throws Exception {
        long confirmed = view.confirmedBlock();
        if (block > confirmed) {
            throw new StakingException("genesis L1 block " + block + " is not confirmed yet (confirmed: " + confirmed
                    + ")", (String) null);
        }
        StakeSnapshot snap = view.snapshotAt(block);
        List<Genesis.GenesisMember> ms = new ArrayList<>();
        for (SequencerStake s : snap.active()) {
            ms.add(new Genesis.GenesisMember(s.id().value(), s.signer(), s.amount()));
        }
        DefaultBlockParameter at = DefaultBlockParameter.valueOf(BigInteger.valueOf(block));
        ReadonlyTransactionManager ro = new ReadonlyTransactionManager(web3j, NOBODY);
        LockingPool pool = LockingPool.load(c.lockingPool(), web3j, ro, new DefaultGasProvider());
        pool.setDefaultBlockParameter(at);
        SequencerSet set = SequencerSet.load(c.sequencerSet(), web3j, ro, new DefaultGasProvider());
        set.setDefaultBlockParameter(at);
        long epochs = set.currentEpochId().send().longValueExact();
        if (epochs != 0) {
            throw new IllegalStateException("SequencerSet " + c.sequencerSet() + " already holds " + epochs
                    + " epochs at L1 block " + block + ": a pool starts on fresh contracts");
        }
        if (pool.lastRewardEpoch().send().signum() != 0) {
            throw new IllegalStateException("LockingPool already has reward epochs at L1 block " + block);
        }
        return new Genesis(block, snap.l1BlockHash(), ms, pool.poolActionNonce().send().longValueExact(),
                pool.lastRewardBatchId().send().longValueExact());
    }
}
