package seqpool.sequencer.chain;

import java.util.Optional;

import seqpool.api.pos.ForcedMessage;
import seqpool.api.pos.ForcedQueue;
import seqpool.api.sequencer.L2Block;
import seqpool.sequencer.chain.BlockVerdict.Hold;
import seqpool.sequencer.chain.BlockVerdict.HoldReason;
import seqpool.sequencer.chain.BlockVerdict.Reject;

/**
 * The forced-inclusion rules of a block at head + 1, from the block, its parent and the committed queue
 * (docs/sequencer.md, "Forced inclusion"), in this order:
 * <ol>
 * <li>forced inclusion off in this pool: the cursor stays where it is (else reject {@code FORCED_CURSOR});</li>
 * <li>the view can judge the block: {@code number < committedL2Head + N} (else hold: with that, every message due at
 * or before the block is committed here);</li>
 * <li>the cursor does not go back (else reject {@code FORCED_CURSOR});</li>
 * <li>the cursor does not pass the committed messages (else hold: the producer's consensus is ahead of this
 * node's);</li>
 * <li>the first message the block leaves unconsumed is not due at the block (else reject
 * {@code FORCED_MESSAGE_SKIPPED}): messages are due in index order, so no later one is either.</li>
 * </ol>
 * Whether the consumed messages were executed or rightly skipped is checked by execution
 * ({@code node.Execution#verifyForced}). Stateless.
 */
public final class ForcedRule {
    private ForcedRule() {
    }

    /** Empty when the block passes; otherwise the hold or the rejection. */
    public static Optional<BlockVerdict> check(L2Block block, HeadRef parent, ForcedSource source) {
        Optional<ForcedQueue> view = source.queue(block.forcedCursor());
        if (view.isEmpty()) {
            return Optional.of(new Hold(HoldReason.FORCED_VIEW));
        }
        ForcedQueue q = view.get();
        long n = block.number();
        long cursor = block.forcedCursor();
        if (!q.enabled()) {
            return cursor == parent.forcedCursor() ? Optional.empty()
                    : Optional.of(new Reject(Fault.FORCED_CURSOR, "block " + n + " moves the forced cursor from "
                            + parent.forcedCursor() + " to " + cursor + " in a pool without forced inclusion"));
        }
        if (!viewCovers(q, n)) {
            return Optional.of(new Hold(HoldReason.FORCED_VIEW));
        }
        if (cursor < parent.forcedCursor()) {
            return Optional.of(new Reject(Fault.FORCED_CURSOR, "block " + n + " moves the forced cursor back from "
                    + parent.forcedCursor() + " to " + cursor));
        }
        if (cursor > q.length()) {
            return Optional.of(new Hold(HoldReason.FORCED_VIEW));
        }
        if (cursor < q.length()) {
            if (q.messages().isEmpty()) {
                return Optional.of(new Hold(HoldReason.FORCED_VIEW));
            }
            ForcedMessage next = q.messages().get(0);
            if (next.index() != cursor) {
                throw new IllegalStateException("forced queue from " + cursor + " starts at " + next.index());
            }
            if (next.dueL2Block() <= n) {
                return Optional.of(new Reject(Fault.FORCED_MESSAGE_SKIPPED, "block " + n + " leaves forced message "
                        + cursor + " unconsumed, due at L2 block " + next.dueL2Block() + " (forced cursor " + cursor
                        + ")"));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a committed view can judge block {@code number}: its committed L2 head is at least {@code number - N + 1}.
     * A message is due N blocks after the committed head it was committed at, so every message due at or before the
     * block was committed before that head: it is in the view. A producer makes no block the view cannot judge.
     */
    public static boolean viewCovers(ForcedQueue q, long number) {
        return !q.enabled() || number < q.committedL2Head() + q.inclusionBlocks();
    }
}
