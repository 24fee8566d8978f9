package seqpool.api.staking;

/** LockingPool's sequencer status (the contract's enum, same order: code 1..4). */
public enum SequencerStatus {
    /** Staked with at least minLock; in the active set unless jailed. */
    ACTIVE,
    /** Stake fell below minLock (slashing); relocking reactivates it. */
    INACTIVE,
    /** Unlock requested; claimable after the exit delay; still slashable. */
    UNLOCKING,
    /** Stake returned; the signer is never reused. */
    EXITED;

    /** Maps the contract's code (1 = ACTIVE ... 4 = EXITED). */
    public static SequencerStatus fromCode(int code) {
        if (code < 1 || code > 4) {
            throw new IllegalArgumentException("unknown LockingPool status code " + code);
        }
        return values()[code - 1];
    }
}
