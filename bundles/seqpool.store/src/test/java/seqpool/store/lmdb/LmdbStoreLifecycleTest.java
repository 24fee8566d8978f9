package seqpool.store.lmdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import seqpool.api.common.Bytes;
import seqpool.api.store.Database;
import seqpool.api.store.DatabaseName;
import seqpool.api.store.ReadSnapshot;
import seqpool.api.store.StoreException;

/** What only a store on disk has: persistence across reopen, and clear errors for bad paths, locks and config. */
class LmdbStoreLifecycleTest {
    @TempDir
    Path tmp;

    private LmdbStoreConfig config(Path dir) {
        return LmdbStoreConfig.ofMegabytes(dir, 16, 8);
    }

    @Test
    void committedDataSurvivesReopen() throws Exception {
        Path dir = tmp.resolve("data");
        try (LmdbKeyValueStore store = LmdbKeyValueStore.open(config(dir))) {
            Database wal = store.database(DatabaseName.of("consensus.wal.v1"));
            Database blocks = store.database(DatabaseName.of("sequencer.blocks.v1"));
            store.commit(store.newBatch().put(wal, Bytes.utf8("h1"), Bytes.utf8("vote")).put(blocks,
                    Bytes.utf8("b1"), Bytes.utf8("block")));
        }
        try (LmdbKeyValueStore store = LmdbKeyValueStore.open(config(dir))) {
            assertEquals(Set.of(DatabaseName.of("consensus.wal.v1"), DatabaseName.of("sequencer.blocks.v1")),
                    store.databases());
            Database wal = store.database(DatabaseName.of("consensus.wal.v1"));
            assertEquals(Optional.of(Bytes.utf8("vote")), store.get(wal, Bytes.utf8("h1")));
            try (ReadSnapshot s = store.snapshot()) {
                Database blocks = store.database(DatabaseName.of("sequencer.blocks.v1"));
                assertEquals(Optional.of(Bytes.utf8("block")), s.get(blocks, Bytes.utf8("b1")));
            }
            assertEquals(2, store.stats().databases());
            assertEquals(16L << 20, store.stats().mapSizeBytes());
        }
    }

    @Test
    void existingDatabaseOpenedAfterASnapshotIsReadable() throws Exception {
        Path dir = tmp.resolve("data");
        try (LmdbKeyValueStore store = LmdbKeyValueStore.open(config(dir))) {
            Database d = store.database(DatabaseName.of("test.old.v1"));
            store.commit(store.newBatch().put(d, Bytes.utf8("k"), Bytes.utf8("v")));
        }
        try (LmdbKeyValueStore store = LmdbKeyValueStore.open(config(dir)); ReadSnapshot s = store.snapshot()) {
            Database d = store.database(DatabaseName.of("test.old.v1"));
            assertEquals(Optional.of(Bytes.utf8("v")), s.get(d, Bytes.utf8("k")));
        }
    }

    @Test
    void pathThatIsAFileIsRejected() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        StoreException e = assertThrows(StoreException.class, () -> LmdbKeyValueStore.open(config(file)));
        assertTrue(e.getMessage().contains("not a directory") && e.getMessage().contains(file.toString()),
                e.getMessage());
    }

    @Test
    void pathUnderAFileIsRejected() throws Exception {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        StoreException e = assertThrows(StoreException.class,
                () -> LmdbKeyValueStore.open(config(file.resolve("sub"))));
        assertTrue(e.getMessage().contains("cannot be created"), e.getMessage());
    }

    @Test
    void secondOpenOfTheSameDirectoryIsRejectedAndTheFirstKeepsWorking() throws Exception {
        Path dir = tmp.resolve("data");
        try (LmdbKeyValueStore store = LmdbKeyValueStore.open(config(dir))) {
            StoreException e = assertThrows(StoreException.class, () -> LmdbKeyValueStore.open(config(dir)));
            assertTrue(e.getMessage().contains("already open"), e.getMessage());
            Database d = store.database(DatabaseName.of("test.a.v1"));
            store.commit(store.newBatch().put(d, Bytes.utf8("k"), Bytes.utf8("v")));
            assertEquals(Optional.of(Bytes.utf8("v")), store.get(d, Bytes.utf8("k")));
        }
        try (LmdbKeyValueStore again = LmdbKeyValueStore.open(config(dir))) {
            assertEquals(1, again.databases().size(), "the lock is released on close");
        }
    }

    @Test
    void aFileThatIsNotLmdbIsRejected() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("garbage"));
        Files.write(dir.resolve("data.mdb"), new byte[64 * 1024]);
        StoreException e = assertThrows(StoreException.class, () -> LmdbKeyValueStore.open(config(dir)));
        assertTrue(e.getMessage().contains("LMDB cannot open it"), e.getMessage());
        // the lock was released: after removing the garbage the directory opens
        Files.delete(dir.resolve("data.mdb"));
        Files.deleteIfExists(dir.resolve("lock.mdb"));
        LmdbKeyValueStore.open(config(dir)).close();
    }

    @Test
    void tooManyExistingDatabasesForTheConfigIsRejected() throws Exception {
        Path dir = tmp.resolve("data");
        try (LmdbKeyValueStore store = LmdbKeyValueStore.open(config(dir))) {
            for (String n : List.of("a.x.v1", "b.x.v1", "c.x.v1")) {
                store.database(DatabaseName.of(n));
            }
        }
        StoreException e = assertThrows(StoreException.class,
                () -> LmdbKeyValueStore.open(LmdbStoreConfig.ofMegabytes(dir, 16, 2)));
        assertTrue(e.getMessage().contains("store.maxDatabases"), e.getMessage());
        LmdbKeyValueStore.open(config(dir)).close();
    }

    @Test
    void badConfigurationNamesTheSetting() {
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> LmdbStoreConfig.ofMegabytes(tmp, 0, 8));
        assertTrue(size.getMessage().contains("store.mapSizeMb"), size.getMessage());
        IllegalArgumentException dbs = assertThrows(IllegalArgumentException.class,
                () -> LmdbStoreConfig.ofMegabytes(tmp, 16, 0));
        assertTrue(dbs.getMessage().contains("store.maxDatabases"), dbs.getMessage());
        IllegalArgumentException path = assertThrows(IllegalArgumentException.class,
                () -> LmdbStoreConfig.ofMegabytes(null, 16, 8));
        assertTrue(path.getMessage().contains("store.path"), path.getMessage());
    }

    @Test
    void largerMapSizeOnReopenIsApplied() throws Exception {
        Path dir = tmp.resolve("data");
        LmdbKeyValueStore.open(config(dir)).close();
        try (LmdbKeyValueStore store = LmdbKeyValueStore.open(LmdbStoreConfig.ofMegabytes(dir, 64, 8))) {
            assertEquals(64L << 20, store.stats().mapSizeBytes());
        }
    }
}
