package seqpool.sequencer.rpc;

import java.util.Locale;
import java.util.Optional;

/**
 * The block tags of the execution-apis {@code BlockTag} schema, with their meaning on this L2 (docs/json-rpc.md).
 */
public enum BlockTag {
    /** The lowest numbered block the node has (the first L2 block). */
    EARLIEST,
    /** The highest block whose batch sits in an L1 block that is final on L1. */
    FINALIZED,
    /** The highest block whose batch is on L1 (in a block that may still be re-orged on L1). */
    SAFE,
    /** The node's head. */
    LATEST,
    /** The block being built, if this node builds one; otherwise the same as {@link #LATEST}. */
    PENDING;

    /** The tag as written on the wire ({@code latest}, ...). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BlockTag> fromWire(String s) {
        for (BlockTag t : values()) {
            if (t.wireName().equals(s)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
