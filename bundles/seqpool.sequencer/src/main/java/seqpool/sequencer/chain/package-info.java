/**
 * Pure: the L2 chain's rules. {@link seqpool.sequencer.chain.BlockValidator} decides whether a block extends the
 * chain (ACCEPT), must wait (HOLD: a gap, or an assignment not committed here yet), is already known (IGNORE), proves
 * equivocation, or is invalid (REJECT with a {@link seqpool.sequencer.chain.Fault} naming what is wrong and how much
 * the sender is penalised). No threads, no clock (the caller passes the time), no I/O.
 */
package seqpool.sequencer.chain;
