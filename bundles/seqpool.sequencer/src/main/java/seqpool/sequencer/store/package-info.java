/**
 * The sequencer's durable state in the node's store (DESIGN.md §7): blocks by number and the head in
 * {@code sequencer.blocks.v1} / {@code sequencer.meta.v1}, written together in one atomic batch per block, and
 * equivocation evidence in {@code sequencer.equivocations.v1}. Schema version of module {@code sequencer}: 1.
 */
package seqpool.sequencer.store;
