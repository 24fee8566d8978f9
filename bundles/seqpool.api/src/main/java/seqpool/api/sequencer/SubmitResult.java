package seqpool.api.sequencer;

import seqpool.api.common.Hash32;

/** The mempool's answer to a submitted transaction: accepted with its hash, or rejected with a reason. */
public sealed interface SubmitResult {
    record Accepted(Hash32 hash) implements SubmitResult {
    }

    record Rejected(String reason) implements SubmitResult {
    }
}
