/** Canonical, length-prefixed binary encoding of TSS protocol messages; strict decoding. Pure. */
package seqpool.tss.wire;
