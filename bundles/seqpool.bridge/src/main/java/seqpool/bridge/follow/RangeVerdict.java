package seqpool.bridge.follow;

import java.util.List;

import seqpool.api.bridge.L1Event;

/** The outcome of checking a {@link RangeReading}. */
public sealed interface RangeVerdict {
    /** Record these events (in L1 order) and move the cursor to {@code next}. */
    record Accept(List<L1Event> events, Cursor next) implements RangeVerdict {
        public Accept {
            events = List.copyOf(events);
        }
    }

    /**
     * Nothing can be recorded from this reading (the chain moved while it was read, or the node answered
     * inconsistently); read the range again later.
     */
    record Defer(String reason) implements RangeVerdict {
    }

    /** The recorded chain is no longer canonical: a reorg deeper than the confirmations. Stop advancing. */
    record Halt(String reason) implements RangeVerdict {
    }
}
