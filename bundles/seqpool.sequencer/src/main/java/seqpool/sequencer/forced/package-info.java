/**
 * Pure: forced inclusion on L2 (docs/sequencer.md, "Forced inclusion"): {@link seqpool.sequencer.forced.ForcedSection}
 * picks the producer's section of the committed queue and splits a block's consumed messages into executed and
 * skipped ones. The validity rule itself is {@link seqpool.sequencer.chain.ForcedRule}. No threads, no clock, no I/O.
 */
package seqpool.sequencer.forced;
