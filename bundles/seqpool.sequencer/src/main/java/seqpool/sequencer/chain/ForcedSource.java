package seqpool.sequencer.chain;

import java.util.Optional;

import seqpool.api.pos.ForcedQueue;
import seqpool.api.pos.PosService;

/**
 * This node's committed view of the forced-inclusion queue: the queue's parameters, committed L2 head and length, and
 * the messages from an index on (at most {@link PosService#MAX_FORCED_MESSAGES} per answer). Empty when the view cannot
 * be read now; the rules then wait, they never guess.
 */
@FunctionalInterface
public interface ForcedSource {
    Optional<ForcedQueue> queue(long fromIndex);

    /** A pool without forced inclusion. */
    ForcedSource DISABLED = from -> Optional.of(ForcedQueue.disabled(0));

    /** The PoS service's committed queue; a failing service reads as "not now". */
    static ForcedSource of(PosService pos) {
        return from -> {
            try {
                return Optional.of(pos.forcedMessages(from));
            } catch (RuntimeException e) {
                System.getLogger(ForcedSource.class.getName()).log(System.Logger.Level.WARNING,
                        "PoS service failed for the forced queue from " + from + ": " + e);
                return Optional.empty();
            }
        };
    }
}
