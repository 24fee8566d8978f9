package seqpool.api.submitter;

import java.util.Optional;

import seqpool.api.common.Hash32;

/**
 * What this node knows of one batch's way to L1 (since 1.1): its status, the hash of the L1 transaction that carries
 * it (the latest one this node sent, or the one L1 holds), the L1 block that included it, and a short human-readable
 * detail (who posted, why refused, the last error).
 */
public record Submission(long batchIndex, SubmissionStatus status, Optional<Hash32> l1TxHash,
        Optional<Long> l1Block, String detail) {
    public Submission {
        if (batchIndex < 1 || status == null || l1TxHash == null || l1Block == null || detail == null) {
            throw new IllegalArgumentException("invalid submission of batch " + batchIndex);
        }
    }
}
