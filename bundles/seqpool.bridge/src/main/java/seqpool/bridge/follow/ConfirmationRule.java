package seqpool.bridge.follow;

import java.util.Optional;

/**
 * Which blocks may be read next: a block is confirmed once {@code confirmations} blocks are on top of it, i.e. when
 * {@code block <= head - confirmations}; the next range starts right after the cursor and holds at most
 * {@code maxBlockRange} blocks.
 */
public final class ConfirmationRule {
    private ConfirmationRule() {
    }

    /** The newest confirmed block for this head ({@code -1} when the chain is shorter than the confirmations). */
    public static long confirmedHead(long head, int confirmations) {
        return Math.max(-1, head - confirmations);
    }

    /** The next range to record, or empty when every confirmed block is recorded already. */
    public static Optional<BlockRange> next(Cursor cursor, long head, int confirmations, int maxBlockRange) {
        if (confirmations < 0 || maxBlockRange < 1) {
            throw new IllegalArgumentException("confirmations must be >= 0 and maxBlockRange >= 1, got "
                    + confirmations + " and " + maxBlockRange);
        }
        long confirmed = confirmedHead(head, confirmations);
        if (confirmed <= cursor.block()) {
            return Optional.empty();
        }
        long from = cursor.block() + 1;
        return Optional.of(new BlockRange(from, Math.min(confirmed, cursor.block() + maxBlockRange)));
    }
}
