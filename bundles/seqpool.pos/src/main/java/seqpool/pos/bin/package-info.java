/** The canonical binary encoding used by PoS transactions and the stored PoS state: big-endian, fixed widths, length prefixes. */
package seqpool.pos.bin;
