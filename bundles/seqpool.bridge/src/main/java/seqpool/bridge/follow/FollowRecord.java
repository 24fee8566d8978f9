package seqpool.bridge.follow;

import java.util.List;
import java.util.Optional;

import seqpool.api.bridge.L1Event;
import seqpool.api.store.StoreException;

/**
 * The durable record the Listener writes: confirmed events and the cursor. Implemented on the store in
 * {@code seqpool.bridge.record}. Written by one thread (the bridge thread); read from any thread.
 */
public interface FollowRecord {
    /** The stored cursor, empty before the first range is recorded. */
    Optional<Cursor> cursor() throws StoreException;

    /**
     * Records the events of the blocks after the stored cursor up to {@code next.block()}, and {@code next} as the
     * new cursor, in one atomic write: after a crash either all of it is there or none of it. Refuses (with
     * {@link IllegalArgumentException}, nothing written) events at or before the stored cursor, events after
     * {@code next}, events out of order, and a cursor that does not advance: recorded events are never rewritten.
     */
    void append(List<L1Event> events, Cursor next) throws StoreException;

    /** Up to {@code max} recorded events strictly after ({@code l1Block}, {@code logIndex}), in L1 order. */
    List<L1Event> eventsAfter(long l1Block, int logIndex, int max) throws StoreException;
}
