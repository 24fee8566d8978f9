package seqpool.api.pos;

import java.util.List;

/**
 * The forced-inclusion queue as one committed PoS state sees it, read at once so that its parts agree:
 * {@code inclusionBlocks} is the pool's N ({@code 0}: forced inclusion is off in this pool), {@code committedL2Head} the
 * committed L2 head of that state, {@code length} the number of messages committed (indices {@code 0..length-1}),
 * {@code includedCount} how many of them committed L2 progress covers (the consuming block's {@code forcedCursor}),
 * and {@code messages} those from the index asked for, in index order (at most {@link PosService#MAX_FORCED_MESSAGES}).
 *
 * <p>A sequencer needs nothing else to check a block: with {@code committedL2Head >= b - N + 1} every message due at
 * or before block {@code b} is among the {@code length} committed ones (docs/sequencer.md, "Forced inclusion").
 */
public record ForcedQueue(long inclusionBlocks, long committedL2Head, long length, long includedCount,
        List<ForcedMessage> messages) {
    public ForcedQueue {
        if (inclusionBlocks < 0 || committedL2Head < 0 || length < 0 || includedCount < 0 || includedCount > length
                || messages == null) {
            throw new IllegalArgumentException("invalid forced queue: length " + length + ", included "
                    + includedCount);
        }
        messages = List.copyOf(messages);
    }

    /** A pool without forced inclusion (no queue contract, or {@code forcedInclusionBlocks} 0). */
    public static ForcedQueue disabled(long committedL2Head) {
        return new ForcedQueue(0, Math.max(0, committedL2Head), 0, 0, List.of());
    }

    public boolean enabled() {
        return inclusionBlocks > 0;
    }
}
