package seqpool.api.staking;

import java.math.BigInteger;
import java.util.Objects;

import seqpool.api.common.Address;

/**
 * One sequencer as LockingPool stores it at some L1 block. {@code nonce} counts the sequencer's state-change events
 * (the bridge orders and de-duplicates by it). Times are L1 block timestamps (seconds), 0 when not set. Immutable.
 */
public record SequencerStake(SequencerId id, Address owner, Address signer, Address rewardRecipient, BigInteger amount,
        BigInteger pendingReward, SequencerStatus status, boolean jailed, long jailedUntil, long claimableAt, long nonce) {
    public SequencerStake {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(rewardRecipient, "rewardRecipient");
        Objects.requireNonNull(status, "status");
        if (amount == null || amount.signum() < 0 || pendingReward == null || pendingReward.signum() < 0) {
            throw new IllegalArgumentException("amount and pendingReward must be non-negative");
        }
        if (nonce < 0 || jailedUntil < 0 || claimableAt < 0) {
            throw new IllegalArgumentException("nonce and times must be non-negative");
        }
    }

    /** In the active set: status ACTIVE and not jailed (the contract's {@code isActive}). */
    public boolean active() {
        return status == SequencerStatus.ACTIVE && !jailed;
    }
}
