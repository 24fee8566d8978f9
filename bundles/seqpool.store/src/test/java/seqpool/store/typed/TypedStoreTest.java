package seqpool.store.typed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.store.StoreException;

class TypedStoreTest {
    static final Column<Long, String> BLOCKS = Column.of("test.blocks.v1", Serializers.UINT64, Serializers.UTF8);
    static final Column<Hash32, Long> INDEX = Column.of("test.index.v1", Serializers.HASH32, Serializers.UINT64);

    @TempDir
    Path tmp;

    static java.util.stream.Stream<Backends> backends() {
        return Backends.all();
    }

    @ParameterizedTest
    @MethodSource("backends")
    void columnsRoundTripAndIterateInNumericOrder(Backends backend) throws Exception {
        try (var s = backend.open(tmp.resolve("db"))) {
            TypedStore store = new TypedStore(s.store());
            long[] heights = {256, 1, (1L << 40), 255, 0, Long.MAX_VALUE};
            TypedBatch batch = store.newBatch();
            for (long h : heights) {
                batch.put(BLOCKS, h, "block-" + h);
            }
            Hash32 hash = Hash32.fromHex("11".repeat(32));
            batch.put(INDEX, hash, 42L);
            store.commit(batch);
            assertEquals(Optional.of("block-256"), store.get(BLOCKS, 256L));
            assertEquals(Optional.of(42L), store.get(INDEX, hash));
            assertEquals(Optional.empty(), store.get(BLOCKS, 2L));
            try (TypedSnapshot snap = store.snapshot()) {
                assertEquals(List.of(0L, 1L, 255L, 256L, 1L << 40, Long.MAX_VALUE), keys(snap.all(BLOCKS)));
                assertEquals(List.of(255L, 256L), keys(snap.range(BLOCKS, 2L, 257L)));
                assertEquals(List.of(256L, 255L, 1L), keys(snap.rangeDescending(BLOCKS, 1L, 257L)));
                assertEquals(Long.MAX_VALUE, snap.last(BLOCKS).orElseThrow().key());
                assertEquals("block-" + Long.MAX_VALUE, snap.last(BLOCKS).orElseThrow().value());
            }
            store.commit(store.newBatch().deleteRange(BLOCKS, 1L, 300L).delete(INDEX, hash));
            try (TypedSnapshot snap = store.snapshot()) {
                assertEquals(List.of(0L, 1L << 40, Long.MAX_VALUE), keys(snap.all(BLOCKS)));
                assertEquals(Optional.empty(), snap.get(INDEX, hash));
            }
            store.commit(store.newBatch().clear(BLOCKS));
            try (TypedSnapshot snap = store.snapshot()) {
                assertEquals(Optional.empty(), snap.last(BLOCKS));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void undecodableValueNamesTheColumn(Backends backend) throws Exception {
        try (var s = backend.open(tmp.resolve("db"))) {
            TypedStore store = new TypedStore(s.store());
            Column<Long, Long> counters = Column.of("test.counters.v1", Serializers.UINT64, Serializers.UINT64);
            TypedBatch corrupt = store.newBatch();
            corrupt.raw().put(store.database(counters), Serializers.UINT64.encode(7L), Bytes.of((byte) 1));
            store.commit(corrupt);
            StoreException e = assertThrows(StoreException.class, () -> store.get(counters, 7L));
            assertTrue(e.getMessage().contains("test.counters.v1"), e.getMessage());
            try (TypedSnapshot snap = store.snapshot()) {
                Iterator<ColumnEntry<Long, Long>> it = snap.all(counters);
                IllegalStateException bad = assertThrows(IllegalStateException.class, it::next);
                assertTrue(bad.getMessage().contains("test.counters.v1"), bad.getMessage());
            }
        }
    }

    @Test
    void serializersRejectMalformedInput() {
        assertThrows(IllegalArgumentException.class, () -> Serializers.UINT64.encode(-1L));
        assertThrows(IllegalArgumentException.class, () -> Serializers.UINT64.decode(Bytes.of(new byte[7])));
        assertThrows(IllegalArgumentException.class, () -> Serializers.UINT64.decode(Bytes.fromHex("8000000000000000")));
        assertThrows(IllegalArgumentException.class, () -> Serializers.UINT32.encode(-5));
        assertThrows(IllegalArgumentException.class, () -> Serializers.UINT32.decode(Bytes.of(new byte[5])));
        assertThrows(IllegalArgumentException.class, () -> Serializers.UTF8.decode(Bytes.of((byte) 0xC3)));
        assertThrows(IllegalArgumentException.class, () -> Serializers.HASH32.decode(Bytes.of(new byte[31])));
        assertThrows(IllegalArgumentException.class, () -> Serializers.ADDRESS.decode(Bytes.of(new byte[21])));
        assertEquals(Bytes.fromHex("0000000000000102"), Serializers.UINT64.encode(258L));
        assertEquals(258L, Serializers.UINT64.decode(Bytes.fromHex("0000000000000102")));
        assertEquals(Bytes.fromHex("7fffffff"), Serializers.UINT32.encode(Integer.MAX_VALUE));
        assertEquals("héllo", Serializers.UTF8.decode(Serializers.UTF8.encode("héllo")));
    }

    private static <K, V> List<K> keys(Iterator<ColumnEntry<K, V>> it) {
        List<K> out = new ArrayList<>();
        it.forEachRemaining(e -> out.add(e.key()));
        return out;
    }
}
