/**
 * Meaning of the pool contracts' L1 events for the PoS application, decoded with the generated contract wrappers, and
 * the pool-message digests the pool key signs for L1. Pure (no RPC).
 */
package seqpool.pos.l1;
