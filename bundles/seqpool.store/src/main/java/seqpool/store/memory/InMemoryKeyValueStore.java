package seqpool.store.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import seqpool.api.common.Bytes;
import seqpool.api.store.Database;
import seqpool.api.store.DatabaseName;
import seqpool.api.store.KeyValueStore;
import seqpool.api.store.ReadSnapshot;
import seqpool.api.store.StoreException;
import seqpool.api.store.StoreFullException;
import seqpool.api.store.StoreStats;
import seqpool.api.store.WriteBatch;
import seqpool.store.batch.BatchOp;
import seqpool.store.batch.OpBatch;

/**
 * A {@link KeyValueStore} held in memory, for unit tests and deterministic simulation. It keeps every promise of the
 * LMDB store except durability: atomic batches (applied whole or rolled back), ordered iteration, isolated snapshots,
 * a capacity limit ({@link StoreFullException} when a commit would exceed it, nothing applied) and a database limit.
 *
 * <p>The capacity counts the key and value bytes of every entry. Thread-safe: commits are serialised by one lock;
 * snapshots read pinned, copy-on-write tables without locking.
 */
public final class InMemoryKeyValueStore implements KeyValueStore, AutoCloseable {
    /** No capacity limit. */
    public static final long UNLIMITED = Long.MAX_VALUE;
    /** The default database limit, the same as the LMDB store's {@code maxDatabases} default. */
    public static final int DEFAULT_MAX_DATABASES = 64;

    private final long capacityBytes;
    private final int maxDatabases;
    private final Object lock = new Object();
    private final Map<DatabaseName, MemoryDatabase> handles = new HashMap<>();
    private final Map<DatabaseName, MemoryTable> tables = new HashMap<>();
    private long usedBytes;
    private volatile boolean closed;

    /** An unlimited store with the default database limit. */
    public InMemoryKeyValueStore() {
        this(UNLIMITED, DEFAULT_MAX_DATABASES);
    }

    public InMemoryKeyValueStore(long capacityBytes, int maxDatabases) {
        if (capacityBytes <= 0 || maxDatabases <= 0) {
            throw new IllegalArgumentException("capacityBytes and maxDatabases must be positive, got "
                    + capacityBytes + " and " + maxDatabases);
        }
        this.capacityBytes = capacityBytes;
        this.maxDatabases = maxDatabases;
    }

    @Override
    public Database database(DatabaseName name) throws StoreException {
        Objects.requireNonNull(name, "name");
        synchronized (lock) {
            checkOpen();
            MemoryDatabase db = handles.get(name);
            if (db == null) {
                if (handles.size() >= maxDatabases) {
                    throw new StoreException("cannot open database " + name + ": the store already has "
                            + maxDatabases + " databases (maxDatabases)");
                }
                db = new MemoryDatabase(this, name);
                handles.put(name, db);
                tables.put(name, new MemoryTable(new TreeMap<>()));
            }
            return db;
        }
    }

    @Override
    public Set<DatabaseName> databases() throws StoreException {
        synchronized (lock) {
            checkOpen();
            return Set.copyOf(handles.keySet());
        }
    }

    @Override
    public WriteBatch newBatch() {
        return new OpBatch(this);
    }

    @Override
    public void commit(WriteBatch batch) throws StoreException {
        OpBatch ops = OpBatch.of(batch, this);
        synchronized (lock) {
            checkOpen();
            for (BatchOp op : ops.ops()) {
                owned(op.db());
            }
            List<Runnable> undo = new ArrayList<>();
            long before = usedBytes;
            for (BatchOp op : ops.ops()) {
                apply(op, undo);
            }
            if (usedBytes > capacityBytes) {
                long attempted = usedBytes;
                for (int i = undo.size() - 1; i >= 0; i--) {
                    undo.get(i).run();
                }
                assert usedBytes == before;
                throw new StoreFullException(capacityBytes, new IllegalStateException(
                        "the batch would need " + attempted + " bytes of " + capacityBytes));
            }
            ops.markCommitted();
        }
    }

    @Override
    public ReadSnapshot snapshot() throws StoreException {
        synchronized (lock) {
            checkOpen();
            Map<DatabaseName, MemoryTable> view = new HashMap<>(tables);
            view.values().forEach(t -> t.pins++);
            return new MemorySnapshot(this, view);
        }
    }

    @Override
    public Optional<Bytes> get(Database db, Bytes key) throws StoreException {
        Objects.requireNonNull(key, "key");
        synchronized (lock) {
            checkOpen();
            return Optional.ofNullable(tables.get(owned(db).name()).entries.get(key));
        }
    }

    @Override
    public StoreStats stats() throws StoreException {
        synchronized (lock) {
            checkOpen();
            return new StoreStats(capacityBytes, usedBytes, handles.size());
        }
    }

    /** Closes the store; later calls, also on its open snapshots, throw {@link StoreException}. Idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
    }

    boolean isClosed() {
        return closed;
    }

    void release(Map<DatabaseName, MemoryTable> view) {
        synchronized (lock) {
            view.values().forEach(t -> t.pins--);
        }
    }

    MemoryDatabase owned(Database db) {
        if (!(db instanceof MemoryDatabase m) || m.owner != this) {
            throw new IllegalArgumentException("database handle " + db + " does not belong to this store");
        }
        return m;
    }

    private void apply(BatchOp op, List<Runnable> undo) {
        TreeMap<Bytes, Bytes> entries = writable(op.db().name());
        if (op instanceof BatchOp.Put p) {
            Bytes old = entries.put(p.key(), p.value());
            usedBytes += p.value().size() + (old == null ? p.key().size() : -old.size());
            undo.add(() -> restore(op.db().name(), p.key(), old));
        } else if (op instanceof BatchOp.Delete d) {
            Bytes old = entries.remove(d.key());
            if (old != null) {
                usedBytes -= d.key().size() + old.size();
                undo.add(() -> restore(op.db().name(), d.key(), old));
            }
        } else if (op instanceof BatchOp.DeleteRange r) {
            var range = r.to() == null ? entries.tailMap(r.from(), true) : entries.subMap(r.from(), r.to());
            List<Map.Entry<Bytes, Bytes>> removed = new ArrayList<>(range.entrySet());
            for (Map.Entry<Bytes, Bytes> e : removed) {
                usedBytes -= e.getKey().size() + e.getValue().size();
            }
            range.clear();
            undo.add(() -> removed.forEach(e -> restore(op.db().name(), e.getKey(), e.getValue())));
        } else {
            throw new IllegalStateException("unknown batch operation " + op);
        }
    }

    /** Puts back {@code old} (or removes the key when it was absent), keeping the byte count right. */
    private void restore(DatabaseName name, Bytes key, Bytes old) {
        TreeMap<Bytes, Bytes> entries = writable(name);
        Bytes current = old == null ? entries.remove(key) : entries.put(key, old);
        usedBytes -= current == null ? 0 : key.size() + current.size();
        usedBytes += old == null ? 0 : key.size() + old.size();
    }

    private TreeMap<Bytes, Bytes> writable(DatabaseName name) {
        MemoryTable t = tables.get(name);
        if (t.pins > 0) {
            t = t.copy();
            tables.put(name, t);
        }
        return t.entries;
    }

    private void checkOpen() throws StoreException {
        if (closed) {
            throw new StoreException("the in-memory store is closed");
        }
    }
}
