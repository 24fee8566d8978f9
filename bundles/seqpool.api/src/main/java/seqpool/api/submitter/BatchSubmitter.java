package seqpool.api.submitter;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The batch submitter's progress. Its cursor lives in the store, so a restarted submitter neither skips nor repeats. */
@ProviderType
public interface BatchSubmitter {
    /** The last batch confirmed on L1. */
    Optional<BatchHeader> lastConfirmed();

    Optional<SubmissionStatus> status(long batchIndex);
}
