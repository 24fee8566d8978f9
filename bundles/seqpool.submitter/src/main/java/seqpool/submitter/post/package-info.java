/**
 * Posting signed batches to L1 {@code BatchInbox}: the designated submitter first, its fallbacks after
 * {@code submitTimeoutMs} each; a pre-flight that sees a batch already on L1 (no double pay) or a revert before
 * anything is paid; nonces, EIP-1559 and blob fee bumps for a stuck transaction; re-posting after an L1 reorg.
 */
package seqpool.submitter.post;
