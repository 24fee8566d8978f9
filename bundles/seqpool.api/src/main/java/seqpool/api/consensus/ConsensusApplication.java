package seqpool.api.consensus;

import org.osgi.annotation.versioning.ConsumerType;

import seqpool.api.common.Bytes;

/**
 * The application on top of the engine (ABCI idea): it validates and executes the opaque transactions.
 *
 * <p>Calls come from the engine's single event thread, in order: {@code checkTx} for transactions offered to the
 * mempool; then, for each committed height H in increasing order, exactly one {@code finalizeBlock(H)} followed by
 * {@code commit(H)}. After a restart the engine resumes with the height after {@link #lastCommittedHeight()}, replaying
 * blocks the application has not committed yet. Implementations must be deterministic (same blocks, same results) and
 * must not block for long. An exception from the application stops the engine (it is a bug, not peer input).
 */
@ConsumerType
public interface ConsensusApplication {
    /** Whether a transaction may enter the mempool. Must not change committed state. */
    CheckTxResult checkTx(Bytes tx);

    /** Executes a committed block; returns the app hash and validator updates effective at {@code height + 2}. */
    FinalizeBlockResult finalizeBlock(FinalizeBlockRequest request);

    /** Makes the results of {@code finalizeBlock(height)} durable. */
    void commit(long height);

    /** The last height the application committed durably (0 if none). */
    long lastCommittedHeight();
}
