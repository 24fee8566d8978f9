package seqpool.store.lmdb;

import java.nio.ByteBuffer;

import seqpool.api.common.Bytes;
import seqpool.api.store.WriteBatch;

/** Moves bytes between {@link Bytes} and the direct buffers lmdbjava needs. Not thread-safe: one per user. */
final class DirectBuffers {
    private final ByteBuffer key = ByteBuffer.allocateDirect(WriteBatch.MAX_KEY_SIZE);
    private final ByteBuffer bound = ByteBuffer.allocateDirect(WriteBatch.MAX_KEY_SIZE);

    /** The key in this holder's key buffer (valid until the next call). */
    ByteBuffer key(Bytes k) {
        return fill(key, k);
    }

    /** The key in this holder's second buffer, for a seek while {@link #key} is in use. */
    ByteBuffer bound(Bytes k) {
        return fill(bound, k);
    }

    /** A copy of the bytes LMDB points at (its buffers are only valid inside the transaction). */
    static Bytes copy(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return Bytes.wrap(out);
    }

    private static ByteBuffer fill(ByteBuffer buf, Bytes k) {
        if (k.size() > buf.capacity()) {
            throw new IllegalArgumentException("key of " + k.size() + " bytes is longer than " + buf.capacity());
        }
        buf.clear();
        buf.put(k.toArray());
        return buf.flip();
    }
}
