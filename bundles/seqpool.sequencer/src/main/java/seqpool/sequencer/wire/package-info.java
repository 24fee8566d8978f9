/**
 * Pure: the messages of the {@code l2} p2p channel, protocol {@code l2/1} (a new block, a head announcement, a block
 * range request and its response) and the one canonical binary encoding of an L2 block, used on the wire and in the
 * store. Decoding is strict and bounded: every length and count is checked against the remaining input and the
 * {@link seqpool.sequencer.wire.WireLimits} before anything is allocated; unknown tags and trailing bytes are errors.
 */
package seqpool.sequencer.wire;
