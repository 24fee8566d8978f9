package seqpool.store.lmdb;

import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.lmdbjava.Cursor;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.EnvInfo;
import org.lmdbjava.LmdbException;
import org.lmdbjava.Txn;

import seqpool.api.common.Bytes;
import seqpool.api.store.Database;
import seqpool.api.store.DatabaseName;
import seqpool.api.store.KeyValueStore;
import seqpool.api.store.ReadSnapshot;
import seqpool.api.store.StoreException;
import seqpool.api.store.StoreStats;
import seqpool.api.store.WriteBatch;
import seqpool.store.batch.OpBatch;
import seqpool.wrap.lmdb.LmdbRuntime;

/**
 * The {@link KeyValueStore} on LMDB. Each named database is an LMDB sub-database; a batch is one LMDB write
 * transaction (durable when {@link #commit} returns: LMDB syncs on commit); a snapshot is one read transaction.
 * LMDB's copy-on-write B+tree with two alternating meta pages means a crash (even SIGKILL or power loss) leaves the
 * last committed transaction, never part of one.
 *
 * <p>Thread-safe. Commits and database creation are serialised by a lock; snapshots are read transactions opened
 * with {@code MDB_NOTLS}, so a thread may hold several and hand one to another thread. {@link #close()} waits for
 * calls in progress, ends every open snapshot and releases the directory.
 */
public final class LmdbKeyValueStore implements KeyValueStore, AutoCloseable {
    static final int MAX_READERS = 256;
    private static final System.Logger LOG = System.getLogger(LmdbKeyValueStore.class.getName());

    private final LmdbStoreConfig config;
    private final StoreDirectory directory;
    private final Env<ByteBuffer> env;
    private final Dbi<ByteBuffer> catalog;
    private final Map<DatabaseName, LmdbDatabase> handles = new ConcurrentHashMap<>();
    private final Set<LmdbSnapshot> openSnapshots = ConcurrentHashMap.newKeySet();
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final LmdbBatchWriter writer = new LmdbBatchWriter();
    /** Guards opening a handle against starting a snapshot, so a snapshot knows which handles predate it. */
    private final Object catalogLock = new Object();
    private long nextSeq;
    private volatile boolean closed;

    private LmdbKeyValueStore(LmdbStoreConfig config, StoreDirectory directory, Env<ByteBuffer> env)
            throws StoreException {
        this.config = config;
        this.directory = directory;
        this.env = env;
        this.catalog = env.openDbi((byte[]) null);
        openExisting();
    }

    /**
     * Opens a handle on every database already in the file, so that every handle opened later is a database created
     * later (a snapshot older than a handle then rightly sees that database as empty).
     */
    private void openExisting() throws StoreException {
        Set<DatabaseName> existing = namesOnDisk();
        if (existing.size() > config.maxDatabases()) {
            throw new StoreException("store.path " + directory.path() + " holds " + existing.size()
                    + " databases but store.maxDatabases is " + config.maxDatabases() + "; raise it");
        }
        for (DatabaseName name : existing) {
            handles.put(name, new LmdbDatabase(this, name, env.openDbi(name.value()), nextSeq++));
        }
    }

    private Set<DatabaseName> namesOnDisk() {
        Set<DatabaseName> names = new HashSet<>();
        try (Txn<ByteBuffer> txn = env.txnRead(); Cursor<ByteBuffer> c = catalog.openCursor(txn)) {
            for (boolean more = c.first(); more; more = c.next()) {
                String raw = new String(DirectBuffers.copy(c.key()).toArray(), StandardCharsets.UTF_8);
                try {
                    names.add(DatabaseName.of(raw));
                } catch (IllegalArgumentException notOurs) {
                    LOG.log(Level.WARNING, "ignoring LMDB database with a foreign name: {0}", raw);
                }
            }
        }
        return names;
    }

    /**
     * Opens (creating if needed) the store in {@code config.path()}.
     *
     * @throws StoreException naming the path when it is not a usable directory, is locked by another process or is
     *     already open in this one, or when LMDB cannot open it (e.g. not an LMDB environment, or no native library)
     */
    public static LmdbKeyValueStore open(LmdbStoreConfig config) throws StoreException {
        Objects.requireNonNull(config, "config");
        StoreDirectory dir = StoreDirectory.lock(config.path());
        try {
            String version = LmdbRuntime.load();
            Env<ByteBuffer> env = Env.create()
                    .setMapSize(config.mapSizeBytes())
                    .setMaxDbs(config.maxDatabases())
                    .setMaxReaders(MAX_READERS)
                    .open(dir.path().toFile(), EnvFlags.MDB_NOTLS);
            LmdbKeyValueStore store;
            try {
                store = new LmdbKeyValueStore(config, dir, env);
            } catch (StoreException | LmdbException e) {
                env.close();
                throw e;
            }
            LOG.log(Level.INFO, "store opened: path={0} mapSizeBytes={1} maxDatabases={2} lmdb={3}",
                    dir.path(), env.info().mapSize, config.maxDatabases(), version);
            return store;
        } catch (StoreException e) {
            dir.close();
            throw e;
        } catch (IllegalStateException | LmdbException e) {
            dir.close();
            throw new StoreException("store.path " + dir.path() + ": LMDB cannot open it: " + e.getMessage(), e);
        }
    }

    @Override
    public Database database(DatabaseName name) throws StoreException {
        Objects.requireNonNull(name, "name");
        LmdbDatabase db = handles.get(name);
        if (db != null && !closed) {
            return db;
        }
        lifecycle.readLock().lock();
        writeLock.lock();
        try {
            checkOpen();
            db = handles.get(name);
            if (db == null) {
                if (handles.size() >= config.maxDatabases()) {
                    throw new StoreException("cannot open database " + name + ": the store already has "
                            + config.maxDatabases() + " databases open (store.maxDatabases)");
                }
                synchronized (catalogLock) {
                    db = new LmdbDatabase(this, name, env.openDbi(name.value(), DbiFlags.MDB_CREATE), nextSeq++);
                }
                handles.put(name, db);
            }
            return db;
        } catch (LmdbException e) {
            throw LmdbErrors.translate("opening database " + name, e, env);
        } finally {
            writeLock.unlock();
            lifecycle.readLock().unlock();
        }
    }

    @Override
    public Set<DatabaseName> databases() throws StoreException {
        lifecycle.readLock().lock();
        try {
            checkOpen();
            return Set.copyOf(handles.keySet());
        } catch (LmdbException e) {
            throw LmdbErrors.translate("listing databases", e, env);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    @Override
    public WriteBatch newBatch() {
        return new OpBatch(this);
    }

    @Override
    public void commit(WriteBatch batch) throws StoreException {
        OpBatch ops = OpBatch.of(batch, this);
        ops.ops().forEach(op -> owned(op.db()));
        lifecycle.readLock().lock();
        writeLock.lock();
        try {
            checkOpen();
            try (Txn<ByteBuffer> txn = env.txnWrite()) {
                writer.apply(txn, ops.ops());
                txn.commit();
            }
            ops.markCommitted();
        } catch (LmdbException e) {
            StoreException error = LmdbErrors.translate("committing a batch of " + ops.size() + " operations", e, env);
            LOG.log(Level.WARNING, "commit failed, nothing applied: {0}", error.getMessage());
            throw error;
        } finally {
            writeLock.unlock();
            lifecycle.readLock().unlock();
        }
    }

    @Override
    public ReadSnapshot snapshot() throws StoreException {
        lifecycle.readLock().lock();
        try {
            checkOpen();
            LmdbSnapshot s;
            synchronized (catalogLock) {
                s = new LmdbSnapshot(this, env.txnRead(), nextSeq);
            }
            openSnapshots.add(s);
            return s;
        } catch (LmdbException e) {
            throw LmdbErrors.translate("opening a snapshot", e, env);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    @Override
    public Optional<Bytes> get(Database db, Bytes key) throws StoreException {
        try (ReadSnapshot s = snapshot()) {
            return s.get(db, key);
        }
    }

    @Override
    public StoreStats stats() throws StoreException {
        lifecycle.readLock().lock();
        try {
            checkOpen();
            EnvInfo info = env.info();
            long used = (info.lastPageNumber + 1) * env.stat().pageSize;
            return new StoreStats(info.mapSize, used, handles.size());
        } catch (LmdbException e) {
            throw LmdbErrors.translate("reading statistics", e, env);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** The directory the store lives in (absolute). */
    public java.nio.file.Path path() {
        return directory.path();
    }

    /**
     * Closes the store: waits for calls in progress, ends open snapshots, closes LMDB and releases the directory
     * lock. Later calls throw {@link StoreException}. Idempotent.
     */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            for (LmdbSnapshot s : openSnapshots) {
                s.endByStore();
            }
            openSnapshots.clear();
            env.close();
            directory.close();
            LOG.log(Level.INFO, "store closed: path={0}", directory.path());
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    LmdbDatabase owned(Database db) {
        if (!(db instanceof LmdbDatabase l) || l.owner != this) {
            throw new IllegalArgumentException("database handle " + db + " does not belong to this store");
        }
        return l;
    }

    ReentrantReadWriteLock.ReadLock readLock() {
        return lifecycle.readLock();
    }

    boolean isClosed() {
        return closed;
    }

    void forget(LmdbSnapshot s) {
        openSnapshots.remove(s);
    }

    private void checkOpen() throws StoreException {
        if (closed) {
            throw new StoreException("the store at " + directory.path() + " is closed");
        }
    }
}
