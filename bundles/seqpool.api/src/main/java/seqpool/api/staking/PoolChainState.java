package seqpool.api.staking;

import seqpool.api.common.Bytes;

/**
 * The pool contracts' counters at one L1 block: SequencerSet's current epoch and its rotation count, LockingPool's last
 * reward batch and epoch and its pool-action nonce, and PoolKeyRegistry's key generation and key (64 bytes x ‖ y, empty
 * before registration).
 */
public record PoolChainState(long l1Block, long currentEpochId, int currentRotations, long lastRewardBatchId,
        long lastRewardEpoch, long poolActionNonce, long poolKeyGeneration, Bytes poolKey) {
    public PoolChainState {
        if (poolKey == null || (poolKey.size() != 0 && poolKey.size() != 64)) {
            throw new IllegalArgumentException("pool key is empty or 64 bytes");
        }
    }
}
