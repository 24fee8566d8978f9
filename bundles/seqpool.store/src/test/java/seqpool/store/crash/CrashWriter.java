package seqpool.store.crash;

import java.nio.file.Path;
import java.util.Iterator;

import seqpool.api.common.Bytes;
import seqpool.api.store.Database;
import seqpool.api.store.DatabaseName;
import seqpool.api.store.KvEntry;
import seqpool.api.store.ReadSnapshot;
import seqpool.api.store.WriteBatch;
import seqpool.store.lmdb.LmdbKeyValueStore;
import seqpool.store.lmdb.LmdbStoreConfig;

/**
 * The writer JVM of {@link CrashSafetyTest}: commits numbered batches forever, continuing after the highest batch
 * already in the store, and prints {@code committed N} after each commit returns. Each batch writes
 * {@link #KEYS_PER_DB} keys into each of two databases, every key and value tagged with the batch number.
 */
public final class CrashWriter {
    static final DatabaseName FIRST = DatabaseName.of("crash.first.v1");
    static final DatabaseName SECOND = DatabaseName.of("crash.second.v1");
    static final int KEYS_PER_DB = 25;

    private CrashWriter() {
    }

    public static void main(String[] args) throws Exception {
        try (LmdbKeyValueStore store = LmdbKeyValueStore.open(LmdbStoreConfig.ofMegabytes(Path.of(args[0]), 256, 4))) {
            Database first = store.database(FIRST);
            Database second = store.database(SECOND);
            long next = lastBatch(store, first) + 1;
            System.out.println("ready " + next);
            System.out.flush();
            while (true) {
                WriteBatch batch = store.newBatch();
                for (int i = 0; i < KEYS_PER_DB; i++) {
                    batch.put(first, key(next, i), value(next, i));
                    batch.put(second, key(next, i), value(next, i));
                }
                store.commit(batch);
                System.out.println("committed " + next);
                System.out.flush();
                next++;
            }
        }
    }

    /** Key {@code batch(8 bytes big-endian) || index(2 bytes)}: batches sort in number order. */
    static Bytes key(long batch, int index) {
        byte[] k = new byte[10];
        for (int i = 0; i < 8; i++) {
            k[i] = (byte) (batch >>> (56 - 8 * i));
        }
        k[8] = (byte) (index >>> 8);
        k[9] = (byte) index;
        return Bytes.wrap(k);
    }

    /** A value of ~300 bytes naming the batch and the index, so a torn or mixed value is detected. */
    static Bytes value(long batch, int index) {
        return Bytes.utf8(("batch=" + batch + ";index=" + index + ";").repeat(12));
    }

    static long batchOf(Bytes key) {
        long b = 0;
        for (int i = 0; i < 8; i++) {
            b = (b << 8) | (key.get(i) & 0xFF);
        }
        return b;
    }

    static long lastBatch(LmdbKeyValueStore store, Database db) throws Exception {
        try (ReadSnapshot s = store.snapshot()) {
            Iterator<KvEntry> it = s.rangeDescending(db, null, null);
            return it.hasNext() ? batchOf(it.next().key()) : 0;
        }
    }
}
