package seqpool.bridge.follow;

import java.util.Objects;

import seqpool.api.common.Hash32;

/**
 * The newest L1 block whose events are recorded, and its hash: the next range must link to it (the parent hash of
 * block {@code block + 1} must equal {@code hash}). Before anything is recorded the cursor is <em>unanchored</em>:
 * {@code block = startBlock - 1} and {@link Hash32#ZERO} as hash, and the first range is not linked to anything.
 */
public record Cursor(long block, Hash32 hash) {
    public Cursor {
        Objects.requireNonNull(hash, "hash");
        if (block < -1) {
            throw new IllegalArgumentException("cursor block must be >= -1, got " + block);
        }
        if (block == -1 && !hash.isZero()) {
            throw new IllegalArgumentException("a cursor before block 0 has no hash");
        }
    }

    /** The cursor of a Listener that has recorded nothing and starts at {@code startBlock}. */
    public static Cursor unanchored(long startBlock) {
        if (startBlock < 0) {
            throw new IllegalArgumentException("start block must be >= 0, got " + startBlock);
        }
        return new Cursor(startBlock - 1, Hash32.ZERO);
    }

    /** Whether the cursor carries the hash of a recorded block (false before the first range is recorded). */
    public boolean anchored() {
        return !hash.isZero();
    }

    @Override
    public String toString() {
        return anchored() ? block + " (" + hash + ")" : block + " (unanchored)";
    }
}
