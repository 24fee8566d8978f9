package seqpool.sequencer.chain;

import seqpool.api.common.Hash32;
import seqpool.api.sequencer.L2Block;

/**
 * The head of the chain as the rules need it: number, hash, timestamp and forced-inclusion cursor (the forced messages
 * the chain has consumed up to the head). Before the first block the head is the implicit genesis: number
 * {@code genesisL2Block - 1}, hash {@link Hash32#ZERO}, timestamp 0, cursor 0.
 */
public record HeadRef(long number, Hash32 hash, long timestampMillis, long forcedCursor) {
    public HeadRef {
        if (number < 0 || hash == null || timestampMillis < 0 || forcedCursor < 0) {
            throw new IllegalArgumentException("invalid head " + number);
        }
    }

    /** A head whose chain has consumed no forced message. */
    public HeadRef(long number, Hash32 hash, long timestampMillis) {
        this(number, hash, timestampMillis, 0);
    }

    public static HeadRef genesis(long genesisL2Block) {
        return new HeadRef(genesisL2Block - 1, Hash32.ZERO, 0, 0);
    }

    public static HeadRef of(L2Block block) {
        return new HeadRef(block.number(), block.hash(), block.timestampMillis(), block.forcedCursor());
    }
}
