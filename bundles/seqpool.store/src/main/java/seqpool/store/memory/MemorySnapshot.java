package seqpool.store.memory;

import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import seqpool.api.common.Bytes;
import seqpool.api.store.Database;
import seqpool.api.store.DatabaseName;
import seqpool.api.store.KvEntry;
import seqpool.api.store.ReadSnapshot;
import seqpool.api.store.StoreException;
import seqpool.store.keys.KeyBounds;

/** A snapshot of an {@link InMemoryKeyValueStore}: the tables as they were, pinned until it is closed. */
final class MemorySnapshot implements ReadSnapshot {
    private static final NavigableMap<Bytes, Bytes> EMPTY = Collections.unmodifiableNavigableMap(new TreeMap<>());

    private final InMemoryKeyValueStore store;
    private final Map<DatabaseName, MemoryTable> view;
    private boolean closed;

    MemorySnapshot(InMemoryKeyValueStore store, Map<DatabaseName, MemoryTable> view) {
        this.store = store;
        this.view = view;
    }

    @Override
    public Optional<Bytes> get(Database db, Bytes key) throws StoreException {
        Objects.requireNonNull(key, "key");
        return Optional.ofNullable(table(db).get(key));
    }

    @Override
    public Iterator<KvEntry> range(Database db, Bytes from, Bytes to) throws StoreException {
        KeyBounds.checkRange(db, from, to);
        return iterate(slice(table(db), from, to));
    }

    @Override
    public Iterator<KvEntry> prefix(Database db, Bytes prefix) throws StoreException {
        Objects.requireNonNull(prefix, "prefix");
        return iterate(slice(table(db), prefix, KeyBounds.prefixEnd(prefix)));
    }

    @Override
    public Iterator<KvEntry> prefixDescending(Database db, Bytes prefix) throws StoreException {
        Objects.requireNonNull(prefix, "prefix");
        return iterate(slice(table(db), prefix, KeyBounds.prefixEnd(prefix)).descendingMap());
    }

    @Override
    public Iterator<KvEntry> rangeDescending(Database db, Bytes from, Bytes to) throws StoreException {
        KeyBounds.checkRange(db, from, to);
        return iterate(slice(table(db), from, to).descendingMap());
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            store.release(view);
        }
    }

    private NavigableMap<Bytes, Bytes> table(Database db) throws StoreException {
        checkOpen();
        MemoryTable t = view.get(store.owned(db).name());
        return t == null ? EMPTY : t.entries;
    }

    private static NavigableMap<Bytes, Bytes> slice(NavigableMap<Bytes, Bytes> m, Bytes from, Bytes to) {
        if (from == null) {
            return to == null ? m : m.headMap(to, false);
        }
        return to == null ? m.tailMap(from, true) : m.subMap(from, true, to, false);
    }

    private void checkOpen() throws StoreException {
        if (closed || store.isClosed()) {
            throw new StoreException(closed ? "the snapshot is closed" : "the in-memory store is closed");
        }
    }

    private Iterator<KvEntry> iterate(NavigableMap<Bytes, Bytes> m) {
        Iterator<Map.Entry<Bytes, Bytes>> it = m.entrySet().iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                checkIterable();
                return it.hasNext();
            }

            @Override
            public KvEntry next() {
                checkIterable();
                if (!it.hasNext()) {
                    throw new NoSuchElementException();
                }
                Map.Entry<Bytes, Bytes> e = it.next();
                return new KvEntry(e.getKey(), e.getValue());
            }
        };
    }

    private void checkIterable() {
        if (closed || store.isClosed()) {
            throw new IllegalStateException("iterator used after its snapshot or store was closed");
        }
    }
}
