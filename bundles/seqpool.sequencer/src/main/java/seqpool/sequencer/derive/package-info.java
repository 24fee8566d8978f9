/**
 * Derivation from L1 ({@code seqpool derive}, docs/derive.md): the L2 chain rebuilt from L1 data alone. This package
 * is the pure part: the ABI of BatchInbox and SequencerSet events and of {@code appendBatch} calls, the producer
 * schedule committed on L1, the checks of a batch against its decoded blocks, and {@link
 * seqpool.sequencer.derive.Derivation}, which drives them over ports ({@link seqpool.sequencer.derive.L1View}, the
 * batch codec, an execution engine, a node to compare with). No network, files, threads or clocks here: the I/O is
 * in {@code seqpool.sequencer.derive.l1} and the command in {@code seqpool.sequencer.derive.cli}.
 */
package seqpool.sequencer.derive;
