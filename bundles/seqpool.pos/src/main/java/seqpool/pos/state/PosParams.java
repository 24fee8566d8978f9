package seqpool.pos.state;

import java.util.Optional;

import seqpool.api.common.Address;
import seqpool.api.tss.KeyId;

/**
 * The rules every node of one pool must share (they shape the committed state): the L1 chain and contracts, the L2
 * chain id and first block, the epoch length in L2 blocks, jailing after {@code jailAfterFaults} stalls within
 * {@code faultWindowEpochs} epochs, how many heights a task attempt may stay open, how many L1 events one block
 * may carry, and forced inclusion: the {@code ForcedInclusionQueue} followed and the N of its deadline
 * ({@code forcedInclusionBlocks}; forced inclusion is off without a queue or with N = 0), and the share of its stake
 * an L2 producer loses for signing two blocks of one number ({@code l2EquivocationSlashBps}, basis points).
 */
public record PosParams(long l1ChainId, Address lockingPool, Address sequencerSet, Address poolKeyRegistry,
        long l2ChainId, long firstL2Block, long epochLength, int jailAfterFaults, int faultWindowEpochs,
        long taskTimeoutHeights, int maxEventsPerBlock, KeyId poolKeyId, Optional<Address> forcedQueue,
        long forcedInclusionBlocks, int l2EquivocationSlashBps) {
    /** The default slash for an L2 equivocation: 10 % of the stake, as LockingPool's default for a consensus double sign. */
    public static final int DEFAULT_L2_EQUIVOCATION_SLASH_BPS = 1_000;

    /** The default N: a forced message is due 10 L2 blocks after the committed L2 head it was committed at. */
    public static final long DEFAULT_FORCED_INCLUSION_BLOCKS = 10;

    public PosParams {
        if (l1ChainId < 1 || lockingPool == null || sequencerSet == null || poolKeyRegistry == null || l2ChainId < 1
                || firstL2Block < 1 || epochLength < 1 || jailAfterFaults < 1 || faultWindowEpochs < 1
                || taskTimeoutHeights < 2 || maxEventsPerBlock < 1 || poolKeyId == null || forcedQueue == null
                || forcedInclusionBlocks < 0 || l2EquivocationSlashBps < 0 || l2EquivocationSlashBps > 10_000) {
            throw new IllegalArgumentException("invalid PoS parameters");
        }
    }

    /** A pool without forced inclusion. */
    public PosParams(long l1ChainId, Address lockingPool, Address sequencerSet, Address poolKeyRegistry,
            long l2ChainId, long firstL2Block, long epochLength, int jailAfterFaults, int faultWindowEpochs,
            long taskTimeoutHeights, int maxEventsPerBlock, KeyId poolKeyId) {
        this(l1ChainId, lockingPool, sequencerSet, poolKeyRegistry, l2ChainId, firstL2Block, epochLength,
                jailAfterFaults, faultWindowEpochs, taskTimeoutHeights, maxEventsPerBlock, poolKeyId, Optional.empty(),
                0, DEFAULT_L2_EQUIVOCATION_SLASH_BPS);
    }

    /** A pool with the default L2 equivocation slash. */
    public PosParams(long l1ChainId, Address lockingPool, Address sequencerSet, Address poolKeyRegistry,
            long l2ChainId, long firstL2Block, long epochLength, int jailAfterFaults, int faultWindowEpochs,
            long taskTimeoutHeights, int maxEventsPerBlock, KeyId poolKeyId, Optional<Address> forcedQueue,
            long forcedInclusionBlocks) {
        this(l1ChainId, lockingPool, sequencerSet, poolKeyRegistry, l2ChainId, firstL2Block, epochLength,
                jailAfterFaults, faultWindowEpochs, taskTimeoutHeights, maxEventsPerBlock, poolKeyId, forcedQueue,
                forcedInclusionBlocks, DEFAULT_L2_EQUIVOCATION_SLASH_BPS);
    }

    /** Whether this pool enforces forced inclusion: a queue is followed and N > 0. */
    public boolean forcedInclusion() {
        return forcedQueue.isPresent() && forcedInclusionBlocks > 0;
    }
}
