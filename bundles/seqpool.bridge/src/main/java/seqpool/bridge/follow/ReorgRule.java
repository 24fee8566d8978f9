package seqpool.bridge.follow;

import java.util.Optional;

/**
 * The reorg rule. A reorg shallower than the confirmations never reaches the record: the Listener only reads blocks
 * with {@code confirmations} blocks on top. A reorg that replaces the cursor block, which was recorded as confirmed,
 * is deeper than the confirmation depth: a safety problem that no automatic action may paper over. The Listener then
 * stops advancing, keeps every recorded event as it is, and keeps serving them; an operator decides what to do.
 */
public final class ReorgRule {
    private ReorgRule() {
    }

    /** Whether {@code first} (the block after the cursor) builds on the recorded cursor block. */
    public static boolean links(Cursor cursor, BlockHeader first) {
        return !cursor.anchored() || first.parentHash().equals(cursor.hash());
    }

    /**
     * Why the cursor block is no longer canonical, judged from the block L1 now has at the cursor's number; empty
     * when it still is (then a broken link was a race with a new head, and the range is simply read again).
     */
    public static Optional<String> deepReorg(Cursor cursor, BlockHeader atCursorNow, int confirmations) {
        if (!cursor.anchored() || atCursorNow.hash().equals(cursor.hash())) {
            return Optional.empty();
        }
        return Optional.of("L1 reorg deeper than " + confirmations + " confirmations: block " + cursor.block()
                + " was recorded with hash " + cursor.hash() + " but L1 now has " + atCursorNow.hash()
                + " at that height; the bridge stopped advancing and keeps its recorded events");
    }

    /** The verdict for a range whose first block does not link to the cursor. */
    public static RangeVerdict brokenLink(Cursor cursor, BlockHeader first, BlockHeader atCursorNow,
            int confirmations) {
        return deepReorg(cursor, atCursorNow, confirmations).<RangeVerdict>map(RangeVerdict.Halt::new)
                .orElseGet(() -> new RangeVerdict.Defer("block " + first.number() + " has parent "
                        + first.parentHash() + ", not the recorded block " + cursor));
    }
}
