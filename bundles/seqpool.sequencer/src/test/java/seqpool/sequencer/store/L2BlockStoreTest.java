package seqpool.sequencer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Hash32;
import seqpool.api.sequencer.L2Block;
import seqpool.api.store.Database;
import seqpool.api.store.DatabaseName;
import seqpool.api.store.KeyValueStore;
import seqpool.api.store.ReadSnapshot;
import seqpool.api.store.StoreException;
import seqpool.api.store.StoreStats;
import seqpool.api.store.WriteBatch;
import seqpool.api.store.StoreFullException;
import seqpool.sequencer.testing.Blocks;
import seqpool.sequencer.testing.Keys;
import seqpool.sequencer.wire.L2Codec;
import seqpool.store.memory.InMemoryKeyValueStore;
import seqpool.store.typed.SchemaMigrator;
import seqpool.store.typed.TypedStore;

class L2BlockStoreTest {
    static final List<L2Block> CHAIN = Blocks.chain(Keys.node(1), 1, Hash32.ZERO, 1, 6, 1_000);

    @Test
    void anEmptyStoreHasNoHeadAndRecordsTheSchema() throws StoreException {
        InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
        L2BlockStore store = L2BlockStore.open(kv);
        assertEquals(Optional.empty(), store.head());
        assertEquals(Optional.empty(), store.block(1));
        assertEquals(1, new SchemaMigrator(new TypedStore(kv)).current(L2BlockStore.MODULE).version());
    }

    @Test
    void appendStoresTheBlockAndTheHeadAndSurvivesReopening() throws StoreException {
        InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
        L2BlockStore store = L2BlockStore.open(kv);
        for (L2Block b : CHAIN.subList(0, 4)) {
            store.append(b);
        }
        L2BlockStore reopened = L2BlockStore.open(kv);
        assertEquals(Optional.of(CHAIN.get(3)), reopened.head());
        assertEquals(Optional.of(CHAIN.get(1)), reopened.block(2));
        assertEquals(Optional.empty(), reopened.block(5));
    }

    /** A block and its head are written by one commit (one batch, which the store applies whole or not at all). */
    @Test
    void aBlockAndItsHeadAreOneCommit() throws StoreException {
        List<Integer> commits = new java.util.ArrayList<>();
        InMemoryKeyValueStore memory = new InMemoryKeyValueStore();
        KeyValueStore counting = new KeyValueStore() {
            @Override
            public Database database(DatabaseName name) throws StoreException {
                return memory.database(name);
            }

            @Override
            public Set<DatabaseName> databases() throws StoreException {
                return memory.databases();
            }

            @Override
            public WriteBatch newBatch() {
                return memory.newBatch();
            }

            @Override
            public void commit(WriteBatch batch) throws StoreException {
                commits.add(batch.size());
                memory.commit(batch);
            }

            @Override
            public ReadSnapshot snapshot() throws StoreException {
                return memory.snapshot();
            }

            @Override
            public StoreStats stats() throws StoreException {
                return memory.stats();
            }
        };
        L2BlockStore store = L2BlockStore.open(counting);
        commits.clear();
        store.append(CHAIN.get(0));
        store.append(CHAIN.get(1));
        assertEquals(List.of(2, 2), commits, "one commit of block + head per block");
    }

    /** A commit that does not fit changes nothing: the head and the blocks stay as they were. */
    @Test
    void aFailedAppendWritesNeitherBlockNorHead() throws StoreException {
        int schema = "sequencer".length() + 4;
        int block = 8 + L2Codec.EMPTY_BLOCK_BYTES;
        int head = "head".length() + 8;
        InMemoryKeyValueStore kv = new InMemoryKeyValueStore(schema + block + head + block - 1, 64);
        L2BlockStore store = L2BlockStore.open(kv);
        store.append(CHAIN.get(0));
        assertThrows(StoreFullException.class, () -> store.append(CHAIN.get(1)));
        assertEquals(Optional.of(CHAIN.get(0)), store.head());
        assertEquals(Optional.empty(), store.block(2));
        assertEquals(Optional.of(CHAIN.get(0)), L2BlockStore.open(kv).head());
    }

    @Test
    void rangeIsBoundedByCountAndBytes() throws StoreException {
        L2BlockStore store = L2BlockStore.open(new InMemoryKeyValueStore());
        for (L2Block b : CHAIN) {
            store.append(b);
        }
        assertEquals(CHAIN.subList(1, 5), store.range(2, 5, 100, 1 << 20));
        assertEquals(CHAIN.subList(1, 3), store.range(2, 6, 2, 1 << 20));
        // each block counts as in a forced block response (tag 7), which carries its 8-byte forced cursor
        assertEquals(CHAIN.subList(0, 3), store.range(1, 6, 100, 3 * (209 + 8) + 10));
        assertEquals(CHAIN.subList(0, 2), store.range(1, 6, 100, 3 * (209 + 8) - 1));
        assertEquals(CHAIN.subList(4, 6), store.range(5, Long.MAX_VALUE, 100, 1 << 20));
        assertEquals(List.of(), store.range(7, 9, 100, 1 << 20));
    }

    @Test
    void equivocationEvidenceIsKeptOnce() throws StoreException {
        InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
        L2BlockStore store = L2BlockStore.open(kv);
        L2Block other = Blocks.signed(Keys.node(1), 2, CHAIN.get(0).hash(), 1, 77);
        EquivocationRecord r = new EquivocationRecord(CHAIN.get(1), other);
        assertTrue(store.recordEquivocation(r));
        assertFalse(store.recordEquivocation(r));
        assertEquals(List.of(r), L2BlockStore.open(kv).equivocations());
        assertThrows(IllegalArgumentException.class, () -> new EquivocationRecord(CHAIN.get(1), CHAIN.get(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new EquivocationRecord(CHAIN.get(1), Blocks.signed(Keys.node(2), 2, Hash32.ZERO, 1, 5)));
    }
}
