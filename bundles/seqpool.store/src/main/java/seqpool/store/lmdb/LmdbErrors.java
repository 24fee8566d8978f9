package seqpool.store.lmdb;

import java.nio.ByteBuffer;

import org.lmdbjava.Dbi;
import org.lmdbjava.Env;
import org.lmdbjava.LmdbException;
import org.lmdbjava.Txn;

import seqpool.api.store.StoreException;
import seqpool.api.store.StoreFullException;

/** Turns lmdbjava's runtime exceptions into the store's checked errors, with a message that says what to do. */
final class LmdbErrors {
    private LmdbErrors() {
    }

    static StoreException translate(String doing, LmdbException e, Env<ByteBuffer> env) {
        if (e instanceof Env.MapFullException) {
            return new StoreFullException(mapSize(env), e);
        }
        if (e instanceof Dbi.DbFullException) {
            return new StoreException(doing + ": LMDB's database limit is reached (raise store.maxDatabases)", e);
        }
        if (e instanceof Txn.TxFullException) {
            return new StoreException(doing + ": the batch is too large for one LMDB transaction; split it", e);
        }
        if (e instanceof Env.ReadersFullException) {
            return new StoreException(doing + ": too many open snapshots (at most " + LmdbKeyValueStore.MAX_READERS
                    + "); close snapshots promptly", e);
        }
        return new StoreException(doing + " failed in LMDB: " + e.getMessage(), e);
    }

    private static long mapSize(Env<ByteBuffer> env) {
        try {
            return env.info().mapSize;
        } catch (LmdbException e) {
            return -1;
        }
    }
}
