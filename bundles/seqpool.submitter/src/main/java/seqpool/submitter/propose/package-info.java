/**
 * Proposing the next batch: when the pending L2 blocks (committed by the pool, not yet on L1) are due by the cut rule,
 * the epoch's producer proposes at once and every other committee member after its rank times
 * {@code submitTimeoutMs}; the pool accepts the first valid proposal.
 */
package seqpool.submitter.propose;
