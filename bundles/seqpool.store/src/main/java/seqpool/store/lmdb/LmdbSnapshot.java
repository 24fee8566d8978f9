package seqpool.store.lmdb;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.lmdbjava.LmdbException;
import org.lmdbjava.Txn;

import seqpool.api.common.Bytes;
import seqpool.api.store.Database;
import seqpool.api.store.KvEntry;
import seqpool.api.store.ReadSnapshot;
import seqpool.api.store.StoreException;
import seqpool.api.store.WriteBatch;
import seqpool.store.keys.KeyBounds;

/**
 * A read transaction of an {@link LmdbKeyValueStore}. Every native call holds the store's read lock and checks that
 * neither the snapshot nor the store is closed, so a late call fails cleanly instead of touching freed memory.
 */
final class LmdbSnapshot implements ReadSnapshot {
    private final LmdbKeyValueStore store;
    private final Txn<ByteBuffer> txn;
    private final DirectBuffers buffers = new DirectBuffers();
    private final List<LmdbRangeIterator> iterators = new ArrayList<>();
    /** Handles with {@code seq >= handlesBefore} belong to databases created after this snapshot began. */
    private final long handlesBefore;
    private volatile boolean closed;

    LmdbSnapshot(LmdbKeyValueStore store, Txn<ByteBuffer> txn, long handlesBefore) {
        this.store = store;
        this.txn = txn;
        this.handlesBefore = handlesBefore;
    }

    @Override
    public Optional<Bytes> get(Database db, Bytes key) throws StoreException {
        Objects.requireNonNull(key, "key");
        LmdbDatabase d = store.owned(db);
        enter();
        if (key.size() == 0 || key.size() > WriteBatch.MAX_KEY_SIZE || d.seq >= handlesBefore) {
            exit();
            return Optional.empty();
        }
        try {
            ByteBuffer v = d.dbi.get(txn, buffers.key(key));
            return v == null ? Optional.empty() : Optional.of(DirectBuffers.copy(v));
        } catch (LmdbException e) {
            throw new StoreException("reading " + key + " from " + db.name() + " failed in LMDB: " + e.getMessage(), e);
        } finally {
            exit();
        }
    }

    @Override
    public Iterator<KvEntry> range(Database db, Bytes from, Bytes to) throws StoreException {
        KeyBounds.checkRange(db, from, to);
        return open(store.owned(db), from, to, false);
    }

    @Override
    public Iterator<KvEntry> rangeDescending(Database db, Bytes from, Bytes to) throws StoreException {
        KeyBounds.checkRange(db, from, to);
        return open(store.owned(db), from, to, true);
    }

    @Override
    public Iterator<KvEntry> prefix(Database db, Bytes prefix) throws StoreException {
        Objects.requireNonNull(prefix, "prefix");
        return open(store.owned(db), prefix.size() == 0 ? null : prefix, KeyBounds.prefixEnd(prefix), false);
    }

    @Override
    public Iterator<KvEntry> prefixDescending(Database db, Bytes prefix) throws StoreException {
        Objects.requireNonNull(prefix, "prefix");
        return open(store.owned(db), prefix.size() == 0 ? null : prefix, KeyBounds.prefixEnd(prefix), true);
    }

    @Override
    public void close() {
        store.readLock().lock();
        try {
            if (!closed && !store.isClosed()) {
                end();
                store.forget(this);
            }
            closed = true;
        } finally {
            store.readLock().unlock();
        }
    }

    /** Called by the store, holding its write lock, when it closes. */
    void endByStore() {
        if (!closed) {
            end();
            closed = true;
        }
    }

    private void end() {
        iterators.forEach(LmdbRangeIterator::release);
        iterators.clear();
        txn.close();
    }

    private Iterator<KvEntry> open(LmdbDatabase db, Bytes from, Bytes to, boolean descending) throws StoreException {
        enter();
        try {
            if (db.seq >= handlesBefore) {
                return new EmptyIterator(this);
            }
            LmdbRangeIterator it = new LmdbRangeIterator(this, db.dbi.openCursor(txn), from, to, descending);
            if (!it.isReleased()) {
                iterators.add(it);
            }
            return it;
        } catch (LmdbException e) {
            throw new StoreException("iterating " + db.name() + " failed in LMDB: " + e.getMessage(), e);
        } finally {
            exit();
        }
    }

    DirectBuffers buffers() {
        return buffers;
    }

    void done(LmdbRangeIterator it) {
        iterators.remove(it);
    }

    /** Takes the store's read lock for one native call; fails if the snapshot or the store is closed. */
    void enter() throws StoreException {
        store.readLock().lock();
        if (closed || store.isClosed()) {
            store.readLock().unlock();
            throw new StoreException(closed ? "the snapshot is closed" : "the store is closed");
        }
    }

    /** Like {@link #enter()} for iterators, which cannot throw checked exceptions. */
    void enterIterator() {
        store.readLock().lock();
        if (closed || store.isClosed()) {
            store.readLock().unlock();
            throw new IllegalStateException("iterator used after its snapshot or store was closed");
        }
    }

    void exit() {
        store.readLock().unlock();
    }

    /** The walk over a database that did not exist yet when the snapshot began. */
    private static final class EmptyIterator implements Iterator<KvEntry> {
        private final LmdbSnapshot snapshot;

        EmptyIterator(LmdbSnapshot snapshot) {
            this.snapshot = snapshot;
        }

        @Override
        public boolean hasNext() {
            snapshot.enterIterator();
            snapshot.exit();
            return false;
        }

        @Override
        public KvEntry next() {
            hasNext();
            throw new java.util.NoSuchElementException();
        }
    }
}
