package seqpool.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import seqpool.api.common.Bytes;
import seqpool.api.store.Database;
import seqpool.api.store.DatabaseName;
import seqpool.api.store.KeyValueStore;
import seqpool.api.store.KvEntry;
import seqpool.api.store.ReadSnapshot;
import seqpool.api.store.StoreException;
import seqpool.api.store.StoreFullException;
import seqpool.api.store.WriteBatch;

/**
 * The behaviour every {@link KeyValueStore} backend must show. A backend's test extends this and says how to open a
 * store; the same tests then run against LMDB and the in-memory store.
 */
public abstract class KeyValueStoreContract {
    protected KeyValueStore store;
    protected Database a;
    protected Database b;

    /** A fresh, empty store of (about) the given size in bytes and database limit. */
    protected abstract KeyValueStore openStore(long sizeBytes, int maxDatabases) throws Exception;

    /** A fresh, empty store with room for 64 MiB and 16 databases. */
    protected KeyValueStore openStore() throws Exception {
        return openStore(64L << 20, 16);
    }

    /** Closes the store (and removes its files). */
    protected abstract void closeStore(KeyValueStore s) throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openStore();
        a = store.database(DatabaseName.of("test.a.v1"));
        b = store.database(DatabaseName.of("test.b.v1"));
    }

    @AfterEach
    void close() throws Exception {
        closeStore(store);
    }

    protected static Bytes k(String s) {
        return Bytes.utf8(s);
    }

    protected static List<String> keys(Iterator<KvEntry> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(e -> out.add(new String(e.key().toArray(), java.nio.charset.StandardCharsets.UTF_8)));
        return out;
    }

    protected void putAll(Database db, String... keys) throws StoreException {
        WriteBatch batch = store.newBatch();
        for (String key : keys) {
            batch.put(db, k(key), k("v-" + key));
        }
        store.commit(batch);
    }

    @Test
    void putGetOverwriteDelete() throws Exception {
        assertEquals(Optional.empty(), store.get(a, k("x")));
        store.commit(store.newBatch().put(a, k("x"), k("1")));
        assertEquals(Optional.of(k("1")), store.get(a, k("x")));
        store.commit(store.newBatch().put(a, k("x"), k("2")));
        assertEquals(Optional.of(k("2")), store.get(a, k("x")));
        store.commit(store.newBatch().delete(a, k("x")).delete(a, k("never-there")));
        assertEquals(Optional.empty(), store.get(a, k("x")));
    }

    @Test
    void emptyValuesAreKept() throws Exception {
        store.commit(store.newBatch().put(a, k("e"), Bytes.EMPTY));
        assertEquals(Optional.of(Bytes.EMPTY), store.get(a, k("e")));
    }

    @Test
    void databasesAreSeparateAndListed() throws Exception {
        store.commit(store.newBatch().put(a, k("x"), k("in-a")).put(b, k("x"), k("in-b")));
        assertEquals(Optional.of(k("in-a")), store.get(a, k("x")));
        assertEquals(Optional.of(k("in-b")), store.get(b, k("x")));
        assertTrue(store.databases().containsAll(Set.of(a.name(), b.name())));
        assertEquals(a.name(), store.database(DatabaseName.of("test.a.v1")).name());
    }

    @Test
    void batchAppliesOperationsInOrder() throws Exception {
        putAll(a, "r1", "r2", "r3");
        WriteBatch batch = store.newBatch()
                .put(a, k("x"), k("1")).delete(a, k("x"))
                .delete(a, k("y")).put(a, k("y"), k("2"))
                .deleteRange(a, k("r"), k("r3")).put(a, k("r1"), k("back"));
        assertEquals(6, batch.size());
        store.commit(batch);
        assertEquals(Optional.empty(), store.get(a, k("x")));
        assertEquals(Optional.of(k("2")), store.get(a, k("y")));
        assertEquals(Optional.of(k("back")), store.get(a, k("r1")));
        assertEquals(Optional.empty(), store.get(a, k("r2")));
        assertEquals(Optional.of(k("v-r3")), store.get(a, k("r3")));
    }

    @Test
    void deleteRangeToTheEnd() throws Exception {
        putAll(a, "a", "b", "c", "d");
        putAll(b, "c");
        store.commit(store.newBatch().deleteRange(a, k("b"), null));
        try (ReadSnapshot s = store.snapshot()) {
            assertEquals(List.of("a"), keys(s.range(a, null, null)));
            assertEquals(List.of("c"), keys(s.range(b, null, null)));
        }
        store.commit(store.newBatch().deleteRange(a, Bytes.EMPTY, null));
        try (ReadSnapshot s = store.snapshot()) {
            assertFalse(s.range(a, null, null).hasNext());
        }
    }

    @Test
    void rangesAscendingAndDescending() throws Exception {
        putAll(a, "a", "b", "c", "d", "e");
        try (ReadSnapshot s = store.snapshot()) {
            assertEquals(List.of("b", "c", "d"), keys(s.range(a, k("b"), k("e"))));
            assertEquals(List.of("b", "c", "d"), keys(s.range(a, k("az"), k("dz"))));
            assertEquals(List.of("a", "b", "c", "d", "e"), keys(s.range(a, null, null)));
            assertEquals(List.of("c", "d", "e"), keys(s.range(a, k("c"), null)));
            assertEquals(List.of("a", "b"), keys(s.range(a, null, k("c"))));
            assertEquals(List.of(), keys(s.range(a, k("c"), k("c"))));
            assertEquals(List.of(), keys(s.range(a, k("f"), null)));
            assertEquals(List.of("d", "c", "b"), keys(s.rangeDescending(a, k("b"), k("e"))));
            assertEquals(List.of("d", "c", "b"), keys(s.rangeDescending(a, k("az"), k("dz"))));
            assertEquals(List.of("e", "d", "c", "b", "a"), keys(s.rangeDescending(a, null, null)));
            assertEquals(List.of("b", "a"), keys(s.rangeDescending(a, null, k("c"))));
            assertEquals(List.of("e", "d"), keys(s.rangeDescending(a, k("d"), null)));
            assertEquals(List.of("e", "d"), keys(s.rangeDescending(a, k("cz"), k("zz"))));
            assertEquals(List.of(), keys(s.rangeDescending(a, null, k("a"))));
            assertFalse(s.range(b, null, null).hasNext());
            assertThrows(IllegalArgumentException.class, () -> s.range(a, k("d"), k("b")));
            assertThrows(IllegalArgumentException.class, () -> s.rangeDescending(a, k("d"), k("b")));
        }
    }

    @Test
    void prefixesAscendingAndDescending() throws Exception {
        putAll(a, "ab", "abc", "abd", "ac", "b", "a");
        try (ReadSnapshot s = store.snapshot()) {
            assertEquals(List.of("ab", "abc", "abd"), keys(s.prefix(a, k("ab"))));
            assertEquals(List.of("abd", "abc", "ab"), keys(s.prefixDescending(a, k("ab"))));
            assertEquals(List.of("a", "ab", "abc", "abd", "ac"), keys(s.prefix(a, k("a"))));
            assertEquals(List.of("ac", "abd", "abc", "ab", "a"), keys(s.prefixDescending(a, k("a"))));
            assertEquals(List.of(), keys(s.prefix(a, k("z"))));
            assertEquals(List.of(), keys(s.prefixDescending(a, k("z"))));
            assertEquals(6, keys(s.prefix(a, Bytes.EMPTY)).size());
        }
    }

    @Test
    void keysAreOrderedAsUnsignedBytes() throws Exception {
        Bytes low = Bytes.of((byte) 0x7F);
        Bytes high = Bytes.of((byte) 0x80);
        Bytes top = Bytes.of((byte) 0xFF, (byte) 0xFF);
        Bytes topChild = Bytes.of((byte) 0xFF, (byte) 0xFF, (byte) 0x00);
        store.commit(store.newBatch().put(a, top, k("t")).put(a, high, k("h")).put(a, low, k("l"))
                .put(a, topChild, k("c")));
        try (ReadSnapshot s = store.snapshot()) {
            List<Bytes> got = new ArrayList<>();
            s.range(a, null, null).forEachRemaining(e -> got.add(e.key()));
            assertEquals(List.of(low, high, top, topChild), got);
            List<Bytes> ff = new ArrayList<>();
            s.prefixDescending(a, Bytes.of((byte) 0xFF)).forEachRemaining(e -> ff.add(e.key()));
            assertEquals(List.of(topChild, top), ff);
        }
    }

    @Test
    void snapshotIsIsolatedFromLaterCommits() throws Exception {
        putAll(a, "a", "b");
        try (ReadSnapshot s = store.snapshot()) {
            Iterator<KvEntry> it = s.range(a, null, null);
            WriteBatch batch = store.newBatch().put(a, k("a"), k("changed")).delete(a, k("b")).put(a, k("c"), k("new"));
            store.commit(batch);
            Database later = store.database(DatabaseName.of("test.later.v1"));
            store.commit(store.newBatch().put(later, k("x"), k("y")));
            assertEquals(List.of("a", "b"), keys(it));
            assertEquals(Optional.of(k("v-a")), s.get(a, k("a")));
            assertEquals(Optional.of(k("v-b")), s.get(a, k("b")));
            assertEquals(Optional.empty(), s.get(a, k("c")));
            assertEquals(Optional.empty(), s.get(later, k("x")));
        }
        assertEquals(Optional.of(k("changed")), store.get(a, k("a")));
        assertEquals(Optional.empty(), store.get(a, k("b")));
    }

    @Test
    void manySnapshotsOnOneThread() throws Exception {
        putAll(a, "a");
        try (ReadSnapshot s1 = store.snapshot(); ReadSnapshot s2 = store.snapshot()) {
            putAll(a, "b");
            try (ReadSnapshot s3 = store.snapshot()) {
                assertEquals(List.of("a"), keys(s1.range(a, null, null)));
                assertEquals(List.of("a"), keys(s2.range(a, null, null)));
                assertEquals(List.of("a", "b"), keys(s3.range(a, null, null)));
            }
        }
    }

    @Test
    void closedSnapshotRejectsUse() throws Exception {
        putAll(a, "a", "b");
        ReadSnapshot s = store.snapshot();
        Iterator<KvEntry> it = s.range(a, null, null);
        s.close();
        s.close();
        assertThrows(StoreException.class, () -> s.get(a, k("a")));
        assertThrows(IllegalStateException.class, it::hasNext);
    }

    @Test
    void badKeysAreRejectedWhenAdded() {
        WriteBatch batch = store.newBatch();
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> batch.put(a, Bytes.EMPTY, k("v")));
        assertTrue(empty.getMessage().contains("test.a.v1"), empty.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> batch.put(a, Bytes.wrap(new byte[WriteBatch.MAX_KEY_SIZE + 1]), k("v")));
        batch.put(a, Bytes.wrap(new byte[WriteBatch.MAX_KEY_SIZE]), k("max"));
        assertEquals(1, batch.size());
    }

    @Test
    void longestKeyIsStored() throws Exception {
        Bytes key = Bytes.wrap(new byte[WriteBatch.MAX_KEY_SIZE]);
        store.commit(store.newBatch().put(a, key, k("max")));
        assertEquals(Optional.of(k("max")), store.get(a, key));
    }

    @Test
    void batchIsCommittedOnceAndOnlyByItsStore() throws Exception {
        WriteBatch batch = store.newBatch().put(a, k("x"), k("1"));
        store.commit(batch);
        assertThrows(IllegalStateException.class, () -> store.commit(batch));
        assertThrows(IllegalStateException.class, () -> batch.put(a, k("y"), k("2")));
        KeyValueStore other = openStore();
        try {
            Database otherDb = other.database(DatabaseName.of("test.a.v1"));
            assertThrows(IllegalArgumentException.class, () -> other.commit(store.newBatch().put(a, k("x"), k("1"))));
            assertThrows(IllegalArgumentException.class, () -> store.commit(store.newBatch().put(otherDb, k("x"), k("1"))));
            assertThrows(IllegalArgumentException.class, () -> store.get(otherDb, k("x")));
        } finally {
            closeStore(other);
        }
    }

    @Test
    void emptyBatchCommits() throws Exception {
        store.commit(store.newBatch());
        assertEquals(Optional.empty(), store.get(a, k("x")));
    }

    @Test
    void statsCountDatabasesAndUse() throws Exception {
        long before = store.stats().usedBytes();
        WriteBatch batch = store.newBatch();
        for (int i = 0; i < 2000; i++) {
            batch.put(a, k("key-" + i), Bytes.wrap(new byte[100]));
        }
        store.commit(batch);
        assertTrue(store.stats().usedBytes() > before, "used bytes grow with data");
        assertTrue(store.stats().databases() >= 2);
        assertTrue(store.stats().mapSizeBytes() >= store.stats().usedBytes());
    }

    @Test
    void concurrentReadersSeeOnlyWholeBatches() throws Exception {
        int rounds = 300;
        Thread writer = new Thread(() -> {
            try {
                for (int i = 1; i <= rounds; i++) {
                    Bytes v = k(Integer.toString(i));
                    store.commit(store.newBatch().put(a, k("x"), v).put(b, k("y"), v));
                }
            } catch (StoreException e) {
                throw new AssertionError(e);
            }
        });
        writer.start();
        int seen = 0;
        while (writer.isAlive() || seen == 0) {
            try (ReadSnapshot s = store.snapshot()) {
                Optional<Bytes> x = s.get(a, k("x"));
                Optional<Bytes> y = s.get(b, k("y"));
                assertEquals(x, y, "a snapshot saw half a batch");
                seen++;
            }
        }
        writer.join();
        assertEquals(Optional.of(k(Integer.toString(rounds))), store.get(b, k("y")));
    }

    @Test
    void fullStoreRejectsTheWholeBatchAndStaysUsable() throws Exception {
        KeyValueStore small = openStore(1L << 20, 4);
        try {
            Database db = small.database(DatabaseName.of("test.full.v1"));
            Database other = small.database(DatabaseName.of("test.other.v1"));
            int committed = 0;
            StoreFullException full = null;
            for (int round = 0; round < 200 && full == null; round++) {
                WriteBatch batch = small.newBatch().put(other, k("marker-" + round), k("m"));
                for (int i = 0; i < 50; i++) {
                    batch.put(db, k(String.format("r%03d-%02d", round, i)), Bytes.wrap(new byte[1024]));
                }
                try {
                    small.commit(batch);
                    committed++;
                } catch (StoreFullException e) {
                    full = e;
                    assertThrows(StoreFullException.class, () -> small.commit(batch), "a failed batch stays committable");
                }
            }
            assertTrue(full != null, "1 MiB never filled up");
            assertTrue(committed > 0, "not even one batch fit");
            assertTrue(full.getMessage().contains("full"), full.getMessage());
            assertTrue(full.mapSizeBytes() >= 1L << 20);
            try (ReadSnapshot s = small.snapshot()) {
                assertEquals(committed * 50, keys(s.range(db, null, null)).size(), "nothing of the failed batch");
                assertEquals(committed, keys(s.range(other, null, null)).size());
                assertEquals(Optional.empty(), s.get(other, k("marker-" + committed)));
            }
            small.commit(small.newBatch().put(other, k("after"), k("fits")));
            assertEquals(Optional.of(k("fits")), small.get(other, k("after")));
            small.commit(small.newBatch().deleteRange(db, Bytes.EMPTY, null));
            small.commit(small.newBatch().put(db, k("again"), Bytes.wrap(new byte[1024])));
            assertEquals(List.of("again"), keys(small.snapshot().range(db, null, null)));
        } finally {
            closeStore(small);
        }
    }

    @Test
    void databaseLimitIsEnforced() throws Exception {
        KeyValueStore limited = openStore(1L << 20, 2);
        try {
            limited.database(DatabaseName.of("test.one.v1"));
            limited.database(DatabaseName.of("test.two.v1"));
            limited.database(DatabaseName.of("test.one.v1"));
            StoreException e = assertThrows(StoreException.class,
                    () -> limited.database(DatabaseName.of("test.three.v1")));
            assertTrue(e.getMessage().contains("test.three.v1"), e.getMessage());
            assertEquals(Set.of(DatabaseName.of("test.one.v1"), DatabaseName.of("test.two.v1")), limited.databases());
        } finally {
            closeStore(limited);
        }
    }

    @Test
    void closedStoreRejectsUse() throws Exception {
        KeyValueStore s = openStore();
        Database db = s.database(DatabaseName.of("test.a.v1"));
        s.commit(s.newBatch().put(db, k("x"), k("1")));
        ReadSnapshot open = s.snapshot();
        closeStore(s);
        assertThrows(StoreException.class, () -> s.get(db, k("x")));
        assertThrows(StoreException.class, () -> s.commit(s.newBatch().put(db, k("x"), k("2"))));
        assertThrows(StoreException.class, s::snapshot);
        assertThrows(StoreException.class, () -> s.database(DatabaseName.of("test.b.v1")));
        assertThrows(StoreException.class, () -> open.get(db, k("x")));
        open.close();
    }
}
