package seqpool.store.lmdb;

import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.lmdbjava.Cursor;
import org.lmdbjava.GetOp;

import seqpool.api.common.Bytes;
import seqpool.api.store.KvEntry;

/**
 * Walks an LMDB cursor over {@code [from, to)}, ascending or descending, one entry ahead. The cursor is closed when
 * the walk ends or its snapshot closes. Entries are copied out of LMDB's memory as they are read.
 */
final class LmdbRangeIterator implements Iterator<KvEntry> {
    private final LmdbSnapshot snapshot;
    private final Cursor<ByteBuffer> cursor;
    private final Bytes from;
    private final Bytes to;
    private final boolean descending;
    private KvEntry next;
    private boolean released;

    /** Positions the cursor; the caller holds the snapshot's lock. */
    LmdbRangeIterator(LmdbSnapshot snapshot, Cursor<ByteBuffer> cursor, Bytes from, Bytes to, boolean descending) {
        this.snapshot = snapshot;
        this.cursor = cursor;
        this.from = from;
        this.to = to;
        this.descending = descending;
        boolean found = descending ? seekLast() : seekFirst();
        next = found ? current() : null;
        if (next == null) {
            finish();
        }
    }

    @Override
    public boolean hasNext() {
        snapshot.enterIterator();
        snapshot.exit();
        return next != null;
    }

    @Override
    public KvEntry next() {
        snapshot.enterIterator();
        try {
            if (next == null) {
                throw new NoSuchElementException();
            }
            KvEntry result = next;
            next = (descending ? cursor.prev() : cursor.next()) ? current() : null;
            if (next == null) {
                finish();
            }
            return result;
        } finally {
            snapshot.exit();
        }
    }

    /** Closes the cursor (once). */
    void release() {
        if (!released) {
            released = true;
            cursor.close();
        }
    }

    boolean isReleased() {
        return released;
    }

    private void finish() {
        release();
        snapshot.done(this);
    }

    private boolean seekFirst() {
        return from == null ? cursor.first() : cursor.get(snapshot.buffers().key(from), GetOp.MDB_SET_RANGE);
    }

    private boolean seekLast() {
        if (to == null) {
            return cursor.last();
        }
        // the greatest key below `to`: step back from the first key >= to, or start at the end when there is none
        return cursor.get(snapshot.buffers().key(to), GetOp.MDB_SET_RANGE) ? cursor.prev() : cursor.last();
    }

    /** The entry under the cursor if it is inside the range, else null. */
    private KvEntry current() {
        Bytes key = DirectBuffers.copy(cursor.key());
        boolean inside = descending ? (from == null || key.compareTo(from) >= 0) : (to == null || key.compareTo(to) < 0);
        return inside ? new KvEntry(key, DirectBuffers.copy(cursor.val())) : null;
    }
}
