package seqpool.store.typed;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import seqpool.api.common.Bytes;
import seqpool.api.store.Database;
import seqpool.api.store.DatabaseName;
import seqpool.api.store.KeyValueStore;
import seqpool.api.store.StoreException;

/**
 * Typed access to a {@link KeyValueStore} through {@link Column}s: the store's guarantees (atomic batches, snapshots,
 * errors) carry over unchanged. Thread-safe; batches and snapshots are used from one thread at a time.
 */
public final class TypedStore {
    private final KeyValueStore store;
    private final Map<DatabaseName, Database> handles = new ConcurrentHashMap<>();

    public TypedStore(KeyValueStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The untyped store underneath. */
    public KeyValueStore raw() {
        return store;
    }

    /** The database handle of a column (opened, and created if needed, on first use). */
    public Database database(Column<?, ?> column) throws StoreException {
        Database db = handles.get(column.database());
        if (db == null) {
            db = store.database(column.database());
            handles.put(column.database(), db);
        }
        return db;
    }

    public <K, V> Optional<V> get(Column<K, V> column, K key) throws StoreException {
        return decodeValue(column, key, store.get(database(column), column.keys().encode(key)));
    }

    static <K, V> Optional<V> decodeValue(Column<K, V> column, K key, Optional<Bytes> raw) throws StoreException {
        try {
            return raw.map(column.values()::decode);
        } catch (IllegalArgumentException bad) {
            throw new StoreException(column + " holds a value that does not decode at key " + key + ": "
                    + bad.getMessage(), bad);
        }
    }

    public TypedBatch newBatch() {
        return new TypedBatch(this, store.newBatch());
    }

    /** Commits the batch atomically (see {@link KeyValueStore#commit}). */
    public void commit(TypedBatch batch) throws StoreException {
        store.commit(batch.raw());
    }

    public TypedSnapshot snapshot() throws StoreException {
        return new TypedSnapshot(this, store.snapshot());
    }
}
