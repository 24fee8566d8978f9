package seqpool.api.submitter;

/**
 * Where a batch is: built, waiting for the pool's signature, sent to L1, included with enough confirmations, or failed.
 * REPLACED (since 1.1): the last transaction sent was replaced by one with higher fees (same nonce) because it was not
 * included in time. REORGED (since 1.1): an included transaction left the canonical L1 chain and the batch is posted
 * again.
 */
public enum SubmissionStatus {
    BUILT, SIGNING, SENT, CONFIRMED, FAILED, REPLACED, REORGED
}
