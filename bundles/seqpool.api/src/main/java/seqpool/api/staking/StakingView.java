package seqpool.api.staking;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Read-only view of LockingPool. Reads are made at a confirmed block: the chain head minus the configured number of
 * confirmations, so that a reorganisation shallower than that never changes an answer. Thread-safe.
 */
@ProviderType
public interface StakingView {
    /** The number of confirmations this view waits for. */
    int confirmations();

    /** The latest confirmed L1 block number (head - confirmations, at least 0). */
    long confirmedBlock() throws StakingException;

    /** All sequencers at the latest confirmed block. */
    StakeSnapshot snapshot() throws StakingException;

    /** All sequencers at {@code l1Block}; fails if that block is not yet confirmed. */
    StakeSnapshot snapshotAt(long l1Block) throws StakingException;
}
