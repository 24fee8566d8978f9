/**
 * Deterministic node logic around the pure driver: message checks (size, signature, membership, height and round
 * window) before anything touches state, the write-ahead log and double-sign guard in the store, the mempool, the
 * evidence pool, commit and catch-up with verified commit certificates. No threads and no clock: time enters as
 * timer events, output leaves as {@link seqpool.consensus.node.NodeAction}s, so the simulator and the host run the
 * same code.
 */
package seqpool.consensus.node;
