package seqpool.store.lmdb;

import java.nio.ByteBuffer;
import java.util.List;

import org.lmdbjava.Cursor;
import org.lmdbjava.GetOp;
import org.lmdbjava.Txn;

import seqpool.api.common.Bytes;
import seqpool.store.batch.BatchOp;

/** Applies a batch's operations, in order, inside one LMDB write transaction. Used under the store's write lock. */
final class LmdbBatchWriter {
    private final DirectBuffers buffers = new DirectBuffers();

    void apply(Txn<ByteBuffer> txn, List<BatchOp> ops) {
        for (BatchOp op : ops) {
            LmdbDatabase db = (LmdbDatabase) op.db();
            if (op instanceof BatchOp.Put p) {
                byte[] value = p.value().toArray();
                ByteBuffer reserved = db.dbi.reserve(txn, buffers.key(p.key()), value.length);
                reserved.put(value);
            } else if (op instanceof BatchOp.Delete d) {
                db.dbi.delete(txn, buffers.key(d.key()));
            } else if (op instanceof BatchOp.DeleteRange r) {
                deleteRange(txn, db, r.from(), r.to());
            } else {
                throw new IllegalStateException("unknown batch operation " + op);
            }
        }
    }

    private void deleteRange(Txn<ByteBuffer> txn, LmdbDatabase db, Bytes from, Bytes to) {
        ByteBuffer end = to == null ? null : buffers.bound(to);
        try (Cursor<ByteBuffer> c = db.dbi.openCursor(txn)) {
            while (seek(c, from) && (end == null || compare(c.key(), end) < 0)) {
                c.delete();
            }
        }
    }

    /** Positions the cursor at the first key {@code >= from}; re-seeking after each delete keeps it simple. */
    private boolean seek(Cursor<ByteBuffer> c, Bytes from) {
        return from.size() == 0 ? c.first() : c.get(buffers.key(from), GetOp.MDB_SET_RANGE);
    }

    /** Unsigned lexicographic comparison, LMDB's default key order. */
    static int compare(ByteBuffer a, ByteBuffer b) {
        int n = Math.min(a.remaining(), b.remaining());
        for (int i = 0; i < n; i++) {
            int c = Integer.compare(a.get(a.position() + i) & 0xFF, b.get(b.position() + i) & 0xFF);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.remaining(), b.remaining());
    }
}
