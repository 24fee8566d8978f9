package seqpool.pos.state;

import seqpool.api.common.Address;
import seqpool.api.tss.KeyId;

/**
 * The rules every node of one pool must share (they shape the committed state): the L1 chain and contracts, the L2
 * chain id and first block, the epoch length in L2 blocks, jailing after {@code jailAfterFaults} stalls within
 * {@code faultWindowEpochs} epochs, how many heights a task attempt may stay open, and how many L1 events one block
 * may carry.
 */
public record PosParams(long l1ChainId, Address lockingPool, Address sequencerSet, Address poolKeyRegistry,
        long l2ChainId, long firstL2Block, long epochLength, int jailAfterFaults, int faultWindowEpochs,
        long taskTimeoutHeights, int maxEventsPerBlock, KeyId poolKeyId) {
    public PosParams {
        if (l1ChainId < 1 || lockingPool == null || sequencerSet == null || poolKeyRegistry == null || l2ChainId < 1
                || firstL2Block < 1 || epochLength < 1 || jailAfterFaults < 1 || faultWindowEpochs < 1
                || taskTimeoutHeights < 2 || maxEventsPerBlock < 1 || poolKeyId == null) {
            throw new IllegalArgumentException("invalid PoS parameters");
        }
    }
}
