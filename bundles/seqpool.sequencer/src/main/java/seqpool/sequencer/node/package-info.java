/**
 * Deterministic: {@link seqpool.sequencer.node.SequencerNode}, the producer and follower of one node. It owns the head,
 * the held blocks and the sync state, reads and writes the chain through the store, and answers every input (a tick, a
 * message, a signature, a change of the committed assignments) with {@link seqpool.sequencer.node.SequencerEffect}s
 * for the host to carry out: sign, send, broadcast, penalise, tell subscribers. No threads, no clock (the host passes
 * the time in), no network, no keys.
 */
package seqpool.sequencer.node;
