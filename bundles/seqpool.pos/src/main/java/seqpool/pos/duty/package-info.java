/**
 * This node's duties in the pool, driven by committed PoS decisions: run the TSS part of each task (keygen, reshare,
 * pool signatures), post the results to L1 in a committed order (designated sender first, the others as fallback),
 * report outcomes back through consensus, and vote to rotate a producer that stalls. Local I/O only; every decision
 * is the pool's.
 */
package seqpool.pos.duty;
