package seqpool.sequencer.derive;

/** Why a batch did not check, in the words the command prints. */
public enum Problem {
    /** The batches on L1 do not start at batch 1 / follow on (scanned from too late an L1 block, or a gap). */
    NOT_CONTIGUOUS("not contiguous"),
    /** L1, the blob source or the node did not serve what was asked (after retries). */
    UNAVAILABLE("unavailable"),
    /** The transaction, its data or its header do not hash to what BatchInbox recorded. */
    WRONG_HASH("wrong hash"),
    /** A blob is missing or does not match its versioned hash. */
    BAD_BLOB("bad blob"),
    /** The data is not the batch format (BatchCodec refused it), or its blocks do not fit the header. */
    UNDECODABLE("undecodable"),
    /** A block's producer (or epoch) is not the one L1 SequencerSet committed for its number. */
    PRODUCER_NOT_ASSIGNED("producer not assigned"),
    /** Re-execution does not give the block's state root (or a transaction does not execute). */
    STATE_ROOT_DIFFERS("state root differs"),
    /** The node compared with shows another hash or state root, or lacks the block. */
    NODE_DIFFERS("node differs");

    private final String words;

    Problem(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
