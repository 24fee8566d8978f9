package seqpool.store.typed;

import java.util.Iterator;
import java.util.Optional;

import seqpool.api.common.Bytes;
import seqpool.api.store.KvEntry;
import seqpool.api.store.ReadSnapshot;
import seqpool.api.store.StoreException;

/** A {@link ReadSnapshot} read through columns. Use from one thread at a time; close it promptly. */
public final class TypedSnapshot implements AutoCloseable {
    private final TypedStore store;
    private final ReadSnapshot snapshot;

    TypedSnapshot(TypedStore store, ReadSnapshot snapshot) {
        this.store = store;
        this.snapshot = snapshot;
    }

    public <K, V> Optional<V> get(Column<K, V> column, K key) throws StoreException {
        Optional<Bytes> raw = snapshot.get(store.database(column), column.keys().encode(key));
        return TypedStore.decodeValue(column, key, raw);
    }

    /** Entries with {@code from <= key < to}, ascending; a {@code null} bound is open. */
    public <K, V> Iterator<ColumnEntry<K, V>> range(Column<K, V> column, K from, K to) throws StoreException {
        return decode(column, snapshot.range(store.database(column), encode(column, from), encode(column, to)));
    }

    /** Entries with {@code from <= key < to}, descending; a {@code null} bound is open. */
    public <K, V> Iterator<ColumnEntry<K, V>> rangeDescending(Column<K, V> column, K from, K to)
            throws StoreException {
        return decode(column,
                snapshot.rangeDescending(store.database(column), encode(column, from), encode(column, to)));
    }

    /** Every entry, ascending. */
    public <K, V> Iterator<ColumnEntry<K, V>> all(Column<K, V> column) throws StoreException {
        return range(column, null, null);
    }

    /** The entry with the greatest key, if any. */
    public <K, V> Optional<ColumnEntry<K, V>> last(Column<K, V> column) throws StoreException {
        Iterator<ColumnEntry<K, V>> it = rangeDescending(column, null, null);
        return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
    }

    /** The untyped snapshot underneath. */
    public ReadSnapshot raw() {
        return snapshot;
    }

    @Override
    public void close() {
        snapshot.close();
    }

    private static <K> Bytes encode(Column<K, ?> column, K key) {
        return key == null ? null : column.keys().encode(key);
    }

    private static <K, V> Iterator<ColumnEntry<K, V>> decode(Column<K, V> column, Iterator<KvEntry> raw) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return raw.hasNext();
            }

            @Override
            public ColumnEntry<K, V> next() {
                KvEntry e = raw.next();
                try {
                    return new ColumnEntry<>(column.keys().decode(e.key()), column.values().decode(e.value()));
                } catch (IllegalArgumentException bad) {
                    throw new IllegalStateException(column + " holds an entry that does not decode at key "
                            + e.key() + ": " + bad.getMessage(), bad);
                }
            }
        };
    }
}
