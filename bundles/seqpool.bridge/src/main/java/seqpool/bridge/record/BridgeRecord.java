package seqpool.bridge.record;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import seqpool.api.bridge.L1Event;
import seqpool.api.store.KeyValueStore;
import seqpool.api.store.StoreException;
import seqpool.bridge.follow.Cursor;
import seqpool.bridge.follow.FollowRecord;
import seqpool.store.typed.ColumnEntry;
import seqpool.store.typed.SchemaMigrator;
import seqpool.store.typed.TypedBatch;
import seqpool.store.typed.TypedSnapshot;
import seqpool.store.typed.TypedStore;

/**
 * The Listener's record on the store ({@link BridgeSchema}). {@link #open} brings the schema to the current version.
 * Reads are thread-safe and come from consistent snapshots; {@link #append} and {@link #bindSource} are called by
 * one writer (the bridge thread).
 */
public final class BridgeRecord implements FollowRecord {
    private final TypedStore store;

    private BridgeRecord(TypedStore store) {
        this.store = store;
    }

    /** Opens the record on the store, migrating the bridge schema to {@link BridgeSchema#VERSION} first. */
    public static BridgeRecord open(KeyValueStore store) throws StoreException {
        TypedStore typed = new TypedStore(Objects.requireNonNull(store, "store"));
        new SchemaMigrator(typed).migrate(BridgeSchema.MODULE, BridgeSchema.VERSION, BridgeSchema.MIGRATIONS);
        return new BridgeRecord(typed);
    }

    /** The schema version stored for the bridge module. */
    public int schemaVersion() throws StoreException {
        return new SchemaMigrator(store).current(BridgeSchema.MODULE).version();
    }

    /**
     * Ties the record to one deployment ({@code source}: chain id and contract addresses). The first call stores it;
     * later calls compare. Returns why the record cannot be used with this source, or empty when it can.
     */
    public Optional<String> bindSource(String source) throws StoreException {
        Optional<String> stored = store.get(BridgeSchema.META, BridgeSchema.SOURCE);
        if (stored.isEmpty()) {
            store.commit(store.newBatch().put(BridgeSchema.META, BridgeSchema.SOURCE, source));
            return Optional.empty();
        }
        if (stored.get().equals(source)) {
            return Optional.empty();
        }
        return Optional.of("the store's bridge record follows another deployment (recorded: " + stored.get()
                + "; configured: " + source + "); use a fresh store directory or the matching contracts file");
    }

    @Override
    public Optional<Cursor> cursor() throws StoreException {
        return store.get(BridgeSchema.CURSORS, BridgeSchema.L1_CURSOR);
    }

    @Override
    public void append(List<L1Event> events, Cursor next) throws StoreException {
        if (!next.anchored()) {
            throw new IllegalArgumentException("the new cursor must carry a block hash: " + next);
        }
        TypedBatch batch = store.newBatch();
        try (TypedSnapshot s = store.snapshot()) {
            Optional<Cursor> current = s.get(BridgeSchema.CURSORS, BridgeSchema.L1_CURSOR);
            long after = current.map(Cursor::block).orElse(-1L);
            if (next.block() <= after) {
                throw new IllegalArgumentException("cursor must advance: recorded " + current.get() + ", new " + next);
            }
            Optional<ColumnEntry<EventKey, L1Event>> last = s.last(BridgeSchema.EVENTS);
            L1Event previous = last.map(ColumnEntry::value).orElse(null);
            for (L1Event e : events) {
                if (e.l1Block() <= after || e.l1Block() > next.block()) {
                    throw new IllegalArgumentException("event at block " + e.l1Block() + " is outside the range "
                            + (after + 1) + ".." + next.block() + " being recorded");
                }
                if (previous != null && !previous.before(e)) {
                    throw new IllegalArgumentException("event at block " + e.l1Block() + " log " + e.logIndex()
                            + " does not follow block " + previous.l1Block() + " log " + previous.logIndex());
                }
                batch.put(BridgeSchema.EVENTS, new EventKey(e.l1Block(), e.logIndex()), e);
                previous = e;
            }
        }
        batch.put(BridgeSchema.CURSORS, BridgeSchema.L1_CURSOR, next);
        store.commit(batch);
    }

    /** Recorded events with {@code from <= block <= to}, in L1 order. */
    public List<L1Event> events(long fromBlock, long toBlock) throws StoreException {
        long from = Math.max(0, fromBlock);
        if (toBlock < from) {
            return List.of();
        }
        EventKey end = toBlock == Long.MAX_VALUE ? null : new EventKey(toBlock + 1, 0);
        try (TypedSnapshot s = store.snapshot()) {
            return collect(s.range(BridgeSchema.EVENTS, new EventKey(from, 0), end), Integer.MAX_VALUE);
        }
    }

    @Override
    public List<L1Event> eventsAfter(long l1Block, int logIndex, int max) throws StoreException {
        if (max <= 0) {
            return List.of();
        }
        EventKey start;
        if (l1Block < 0) {
            start = null;
        } else if (logIndex < 0) {
            start = new EventKey(l1Block, 0);
        } else if (logIndex < Integer.MAX_VALUE) {
            start = new EventKey(l1Block, logIndex + 1);
        } else if (l1Block < Long.MAX_VALUE) {
            start = new EventKey(l1Block + 1, 0);
        } else {
            return List.of();
        }
        try (TypedSnapshot s = store.snapshot()) {
            return collect(s.range(BridgeSchema.EVENTS, start, null), max);
        }
    }

    private static List<L1Event> collect(Iterator<ColumnEntry<EventKey, L1Event>> it, int max) {
        List<L1Event> out = new ArrayList<>();
        while (out.size() < max && it.hasNext()) {
            ColumnEntry<EventKey, L1Event> e = it.next();
            if (e.key().block() != e.value().l1Block() || e.key().logIndex() != e.value().logIndex()) {
                throw new IllegalStateException(BridgeSchema.EVENTS + " holds an event of block "
                        + e.value().l1Block() + " log " + e.value().logIndex() + " under key " + e.key());
            }
            out.add(e.value());
        }
        return out;
    }
}
