package seqpool.api.submitter;

/** Where a batch is: built, waiting for the pool's signature, sent to L1, or included with enough confirmations. */
public enum SubmissionStatus {
    BUILT, SIGNING, SENT, CONFIRMED, FAILED
}
