package seqpool.api.consensus;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import seqpool.api.common.Bytes;
import seqpool.api.p2p.Subscription;

/**
 * The consensus engine: a Tendermint BFT state machine replicating an ordered sequence of blocks of opaque
 * transactions among the validators, with stake as voting power. Safety holds while less than 1/3 of the voting power
 * is Byzantine; liveness needs, in addition, a network that eventually delivers messages.
 *
 * <p>Thread-safety: every method may be called from any thread; listeners run on the engine's event thread.
 */
@ProviderType
public interface ConsensusEngine {
    /**
     * Offers a transaction to the mempool. ACCEPTED means it is in the mempool and the application's checkTx accepted
     * it; the call waits for that check on the engine's thread, for a bounded time (MEMPOOL_FULL, "retry later", when
     * the engine is too busy to check it in time: the transaction is then dropped, not queued).
     */
    SubmitResult submit(Bytes tx);

    /** As {@link #submit}, with the reason when the transaction is not taken (e.g. checkTx's rejection reason). */
    default SubmitOutcome offer(Bytes tx) {
        return SubmitOutcome.of(submit(tx));
    }

    /**
     * Delivers every committed block with height ≥ {@code fromHeight} to the listener, in height order: first the
     * stored ones, then new ones as they commit. Closing the subscription stops delivery.
     */
    Subscription follow(long fromHeight, CommitListener listener);

    /** The highest committed height (0 before the first block). */
    long committedHeight();

    /** A committed block with its certificate, if stored. */
    Optional<CommittedBlock> block(long height);

    /** The validator set of the height being decided now. */
    ValidatorSet currentValidators();

    /**
     * Offers evidence of equivocation (for example from an operator or a monitoring tool, as CometBFT's
     * {@code broadcast_evidence}). The engine checks both signatures against the validator set of the evidence's
     * height before it keeps and gossips it; evidence that is invalid, too old or already committed is REJECTED or
     * DUPLICATE.
     */
    SubmitResult submitEvidence(DuplicateVoteEvidence evidence);
}
