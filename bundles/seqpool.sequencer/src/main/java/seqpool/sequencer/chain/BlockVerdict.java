package seqpool.sequencer.chain;

import seqpool.api.sequencer.L2Block;

/** What the rules say about a block relative to this node's head (after Teku's ACCEPT / IGNORE / SAVE / REJECT). */
public sealed interface BlockVerdict {
    /** Extends the head: store it as the new head. */
    record Accept() implements BlockVerdict {
    }

    /** Cannot be decided yet: keep it (bounded) and retry when the head or the committed assignments move. */
    record Hold(HoldReason reason) implements BlockVerdict {
    }

    /** Nothing to do and nobody to blame: a block already held, or a stale block of another branch. */
    record Ignore(String why) implements BlockVerdict {
    }

    /**
     * Two different blocks for one number, each validly signed by the same producer: evidence against the producer.
     * The chain keeps {@code stored}; the sender only relayed what the producer signed and is not blamed.
     */
    record Equivocation(L2Block stored, L2Block conflicting) implements BlockVerdict {
    }

    /** Invalid: drop it and penalise the sender. */
    record Reject(Fault fault, String detail) implements BlockVerdict {
    }

    enum HoldReason {
        /** The number is beyond head + 1: the blocks in between are missing. */
        GAP,
        /** No assignment for the number is committed here yet (this node's consensus lags). */
        NO_ASSIGNMENT,
        /**
         * This node's committed view of the forced-inclusion queue cannot judge the block yet: the committed L2 head
         * is too far behind the block (messages due at it may not be committed here yet), or the block consumes
         * messages this node has not committed (its consensus lags).
         */
        FORCED_VIEW
    }

    Accept ACCEPT = new Accept();
}
