package seqpool.sequencer.chain;

/**
 * Why a block (or message) was rejected, and how many points the sender loses ({@code P2pNetwork.penalize}; scores
 * start at 100 and recover slowly). Provable forgery costs most; faults an honest peer can cause because this node's
 * own view lags (an assignment rotated here later than there, a fork it relayed, clock skew) cost one point.
 */
public enum Fault {
    /** Does not decode, or breaks a wire limit. */
    MALFORMED(25),
    /** The {@code hash} field is not the header hash of the block's fields. */
    BAD_HASH(25),
    /** The signature is malformed, high-s, or does not recover to {@code producer}. */
    BAD_SIGNATURE(25),
    /** Below the first block of the chain. */
    BELOW_GENESIS(10),
    /** Transactions or a state root this version cannot execute (l2/1 blocks are empty). */
    UNSUPPORTED_BODY(10),
    /** Timestamp not after the parent's. */
    BAD_TIMESTAMP(10),
    /** Timestamp too far ahead of this node's clock. */
    FUTURE_TIMESTAMP(1),
    /** The committed assignment names another producer. */
    WRONG_PRODUCER(1),
    /** The committed assignment is of another epoch. */
    WRONG_EPOCH(1),
    /** Extends another block than this node's head. */
    BAD_PARENT(1),
    /** The forced-inclusion cursor goes back, or moves in a pool without forced inclusion. */
    FORCED_CURSOR(10),
    /** A forced message due at or before this block (committed state) is not consumed by it. */
    FORCED_MESSAGE_SKIPPED(10),
    /** A forced message the block consumes without executing it is executable at its turn (re-executed here). */
    FORCED_SKIP_UNJUSTIFIED(10);

    private final int points;

    Fault(int points) {
        this.points = points;
    }

    public int points() {
        return points;
    }
}
