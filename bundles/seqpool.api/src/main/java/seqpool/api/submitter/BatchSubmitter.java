package seqpool.api.submitter;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The batch submitter's progress. What L1 holds is committed through the pool (the confirmed {@code BatchAppended}
 * events), so a restarted submitter neither skips nor repeats a batch.
 */
@ProviderType
public interface BatchSubmitter {
    /** The last batch confirmed on L1. */
    Optional<BatchHeader> lastConfirmed();

    Optional<SubmissionStatus> status(long batchIndex);

    /** The batch's way to L1 as this node saw it, with the L1 transaction hash (since 1.1). */
    Optional<Submission> submission(long batchIndex);

    /** The L2 <em>safe</em> head (since 1.1): the last L2 block of a batch the pool committed as appended on L1. */
    long safeL2Block();

    /**
     * The L2 <em>finalized</em> head (since 1.1): the last L2 block of a batch whose L1 block is final (L1's
     * {@code finalized} block tag). At most {@link #safeL2Block()}.
     */
    long finalizedL2Block();
}
