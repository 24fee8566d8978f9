/**
 * The L2 mempool: transactions checked against the node's execution state, ordered per sender by nonce, replaced only
 * with a fee bump, bounded per sender and in all (issue 11 item 3). Pure logic over an admission function; no I/O.
 */
package seqpool.sequencer.mempool;
