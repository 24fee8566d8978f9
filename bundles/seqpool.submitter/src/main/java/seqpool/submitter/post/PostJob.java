package seqpool.submitter.post;

import java.util.Optional;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.submitter.BuiltBatch;
import seqpool.api.submitter.Submission;
import seqpool.api.submitter.SubmissionStatus;

/**
 * One batch this node may post: the signed batch, its calldata, this node's rank and when that rank may start, and
 * the transaction in flight (nonce, fee caps, hash, when sent, where mined). Mutable; owned by the poster's thread.
 */
final class PostJob {
    /**
     * A transaction this node sent for the batch: its nonce, fee caps and hash, and the hashes it replaced (any one of
     * them may be the one L1 mines).
     */
    record Sent(long nonce, PostingPolicy.FeeCaps caps, long gasLimit, Hash32 hash, long sentAtMs,
            java.util.List<Hash32> replaced) {
        java.util.List<Hash32> all() {
            java.util.List<Hash32> out = new java.util.ArrayList<>(java.util.List.of(hash));
            out.addAll(replaced);
            return out;
        }
    }

    final BuiltBatch batch;
    final Bytes calldata;
    final int rank;
    final long startAtMs;
    Sent sent;
    /** Where {@link #sent} was mined (block number and hash), while it still is. */
    L1Port.Receipt mined;
    long retryAtMs;
    int failures;
    SubmissionStatus status = SubmissionStatus.SIGNING;
    Hash32 lastTxHash;
    String detail;

    PostJob(BuiltBatch batch, Bytes calldata, int rank, long startAtMs) {
        this.batch = batch;
        this.calldata = calldata;
        this.rank = rank;
        this.startAtMs = startAtMs;
        this.detail = "signed; rank " + rank;
    }

    long index() {
        return batch.header().batchIndex();
    }

    Submission snapshot() {
        return new Submission(index(), status, Optional.ofNullable(lastTxHash),
                mined == null ? Optional.empty() : Optional.of(mined.block()), detail);
    }
}
