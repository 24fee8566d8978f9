package seqpool.api.consensus;

/** What became of a transaction handed to {@link ConsensusEngine#submit}. */
public enum SubmitResult {
    /** In the mempool, accepted by the application's checkTx; it will be gossiped and proposed. */
    ACCEPTED,
    /** Already in the mempool. */
    DUPLICATE,
    /** The application's checkTx rejected it, or it is larger than the configured maximum. */
    REJECTED,
    /** The mempool is full (back-pressure); retry later. */
    MEMPOOL_FULL
}
