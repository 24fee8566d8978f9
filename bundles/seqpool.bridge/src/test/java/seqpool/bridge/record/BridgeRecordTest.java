package seqpool.bridge.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static seqpool.bridge.testing.Events.cursor;
import static seqpool.bridge.testing.Events.event;
import static seqpool.bridge.testing.Events.events;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import seqpool.api.bridge.L1Event;
import seqpool.api.common.Bytes;
import seqpool.api.store.KeyValueStore;
import seqpool.bridge.follow.Cursor;
import seqpool.store.lmdb.LmdbKeyValueStore;
import seqpool.store.lmdb.LmdbStoreConfig;
import seqpool.store.memory.InMemoryKeyValueStore;
import seqpool.store.typed.SchemaMigrator;
import seqpool.store.typed.TypedStore;

/** The record's layout and rules, on both store backends. */
class BridgeRecordTest {
    enum Backend { MEMORY, LMDB }

    @TempDir
    Path dir;
    private AutoCloseable open;

    private KeyValueStore store(Backend b) throws Exception {
        if (b == Backend.MEMORY) {
            InMemoryKeyValueStore s = new InMemoryKeyValueStore();
            open = s;
            return s;
        }
        LmdbKeyValueStore s = LmdbKeyValueStore.open(LmdbStoreConfig.ofMegabytes(Files.createDirectories(
                dir.resolve("lmdb")), 16, 16));
        open = s;
        return s;
    }

    @AfterEach
    void close() throws Exception {
        if (open != null) {
            open.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void appendThenReadBackInL1Order(Backend b) throws Exception {
        BridgeRecord r = BridgeRecord.open(store(b));
        assertTrue(r.cursor().isEmpty());
        r.append(events(1, 3, 3), cursor(3));
        r.append(List.of(), cursor(5));
        r.append(events(6, 6, 1), cursor(8));
        assertEquals(cursor(8), r.cursor().orElseThrow());
        List<L1Event> all = r.events(0, Long.MAX_VALUE);
        assertEquals(10, all.size());
        assertEquals(events(1, 3, 3), all.subList(0, 9));
        assertEquals(events(2, 3, 3), r.events(2, 3));
        assertEquals(List.of(), r.events(4, 5));
        assertEquals(List.of(), r.events(5, 4));
        assertEquals(events(1, 1, 3), r.events(-7, 1));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void eventsAfterIsStrictlyAfterThePosition(Backend b) throws Exception {
        BridgeRecord r = BridgeRecord.open(store(b));
        r.append(events(1, 3, 3), cursor(3));
        assertEquals(List.of(event(2, 2), event(3, 0)), r.eventsAfter(2, 1, 2));
        assertEquals(List.of(event(2, 0), event(2, 1)), r.eventsAfter(2, -1, 2));
        assertEquals(List.of(event(3, 0)), r.eventsAfter(2, Integer.MAX_VALUE, 1));
        assertEquals(List.of(event(1, 0)), r.eventsAfter(-1, 5, 1));
        assertEquals(List.of(), r.eventsAfter(3, 2, 10));
        assertEquals(List.of(), r.eventsAfter(1, 0, 0));
        assertEquals(List.of(), r.eventsAfter(Long.MAX_VALUE, Integer.MAX_VALUE, 5));
        assertEquals(9, r.eventsAfter(0, -1, 100).size());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void refusesToRewriteOrReorder(Backend b) throws Exception {
        BridgeRecord r = BridgeRecord.open(store(b));
        r.append(events(1, 3, 1), cursor(3));
        assertThrows(IllegalArgumentException.class, () -> r.append(events(3, 4, 1), cursor(4)), "at the cursor");
        assertThrows(IllegalArgumentException.class, () -> r.append(events(4, 4, 1), cursor(3)), "no advance");
        assertThrows(IllegalArgumentException.class, () -> r.append(events(5, 6, 1), cursor(5)), "after next");
        assertThrows(IllegalArgumentException.class,
                () -> r.append(List.of(event(5, 1), event(5, 0)), cursor(6)), "out of order");
        assertThrows(IllegalArgumentException.class,
                () -> r.append(List.of(event(5, 0), event(5, 0)), cursor(6)), "twice");
        assertThrows(IllegalArgumentException.class, () -> r.append(List.of(), Cursor.unanchored(9)));
        assertEquals(events(1, 3, 1), r.events(0, 100), "refused appends left nothing");
        assertEquals(cursor(3), r.cursor().orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void schemaVersionAndSourceBinding(Backend b) throws Exception {
        KeyValueStore s = store(b);
        BridgeRecord r = BridgeRecord.open(s);
        assertEquals(BridgeSchema.VERSION, r.schemaVersion());
        assertEquals(1, new SchemaMigrator(new TypedStore(s)).current("bridge").version());
        assertTrue(r.bindSource("chainId=1 LockingPool=0xaa").isEmpty());
        assertTrue(BridgeRecord.open(s).bindSource("chainId=1 LockingPool=0xaa").isEmpty());
        String mismatch = BridgeRecord.open(s).bindSource("chainId=2 LockingPool=0xbb").orElseThrow();
        assertTrue(mismatch.contains("another deployment"), mismatch);
        assertTrue(mismatch.contains("chainId=1") && mismatch.contains("chainId=2"), mismatch);
    }

    @Test
    void persistsAcrossReopenOnLmdb() throws Exception {
        Path path = Files.createDirectories(dir.resolve("reopen"));
        try (LmdbKeyValueStore s = LmdbKeyValueStore.open(LmdbStoreConfig.ofMegabytes(path, 16, 16))) {
            BridgeRecord.open(s).append(events(1, 2, 2), cursor(4));
        }
        try (LmdbKeyValueStore s = LmdbKeyValueStore.open(LmdbStoreConfig.ofMegabytes(path, 16, 16))) {
            BridgeRecord r = BridgeRecord.open(s);
            assertEquals(cursor(4), r.cursor().orElseThrow());
            assertEquals(events(1, 2, 2), r.events(0, 10));
        }
    }

    @Test
    void eventEncodingRoundTripsAndRejectsGarbage() {
        L1Event e = event(42, 7);
        Bytes encoded = EventCodec.encode(e);
        assertEquals(e, EventCodec.decode(encoded));
        assertThrows(IllegalArgumentException.class, () -> EventCodec.decode(encoded.slice(0, encoded.size() - 1)));
        assertThrows(IllegalArgumentException.class, () -> EventCodec.decode(encoded.concat(Bytes.of((byte) 0))));
        byte[] wrongFormat = encoded.toArray();
        wrongFormat[0] = 2;
        assertThrows(IllegalArgumentException.class, () -> EventCodec.decode(Bytes.wrap(wrongFormat)));
        L1Event empty = new L1Event(0, e.l1BlockHash(), e.txHash(), 0, e.contract(), "Unknown", e.topics(),
                Bytes.EMPTY);
        assertEquals(empty, EventCodec.decode(EventCodec.encode(empty)));
    }

    @Test
    void keysSortLikePositions() {
        Bytes a = EventKey.SERIALIZER.encode(new EventKey(1, 300));
        Bytes b = EventKey.SERIALIZER.encode(new EventKey(2, 0));
        Bytes c = EventKey.SERIALIZER.encode(new EventKey(256, 1));
        assertTrue(a.compareTo(b) < 0 && b.compareTo(c) < 0);
        assertEquals(new EventKey(256, 1), EventKey.SERIALIZER.decode(c));
        assertThrows(IllegalArgumentException.class, () -> EventKey.SERIALIZER.decode(Bytes.of((byte) 1)));
    }
}
