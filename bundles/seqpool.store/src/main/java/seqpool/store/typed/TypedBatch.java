package seqpool.store.typed;

import seqpool.api.store.StoreException;
import seqpool.api.store.WriteBatch;

/** A {@link WriteBatch} written through columns. Not thread-safe; commit it with {@link TypedStore#commit}. */
public final class TypedBatch {
    private final TypedStore store;
    private final WriteBatch batch;

    TypedBatch(TypedStore store, WriteBatch batch) {
        this.store = store;
        this.batch = batch;
    }

    public <K, V> TypedBatch put(Column<K, V> column, K key, V value) throws StoreException {
        batch.put(store.database(column), column.keys().encode(key), column.values().encode(value));
        return this;
    }

    public <K, V> TypedBatch delete(Column<K, V> column, K key) throws StoreException {
        batch.delete(store.database(column), column.keys().encode(key));
        return this;
    }

    /** Deletes keys {@code from <= k < to}; {@code to == null} means to the end. */
    public <K, V> TypedBatch deleteRange(Column<K, V> column, K from, K to) throws StoreException {
        batch.deleteRange(store.database(column), column.keys().encode(from),
                to == null ? null : column.keys().encode(to));
        return this;
    }

    /** Deletes every entry of the column (e.g. a database left behind by a migration). */
    public TypedBatch clear(Column<?, ?> column) throws StoreException {
        batch.deleteRange(store.database(column), seqpool.api.common.Bytes.EMPTY, null);
        return this;
    }

    public int size() {
        return batch.size();
    }

    /** The untyped batch, to mix typed and untyped writes in one commit. */
    public WriteBatch raw() {
        return batch;
    }
}
