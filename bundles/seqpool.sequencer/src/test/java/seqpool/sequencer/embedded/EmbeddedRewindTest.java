package seqpool.sequencer.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;
import seqpool.api.sequencer.BlockExecution;
import seqpool.api.sequencer.ExecutionException;
import seqpool.api.store.StoreException;
import seqpool.store.memory.InMemoryKeyValueStore;
import seqpool.store.typed.SchemaMigrator;
import seqpool.store.typed.TypedStore;

/** Rewinds within the window, reads at recent blocks, and restarts from the store. */
class EmbeddedRewindTest {
    static final Address BOB = EthTxs.fresh(0xB0B);
    static final List<Address> WATCHED = List.of(BOB, EthTxs.fresh(1), EthTxs.fresh(2), Engines.COINBASE,
            Engines.devAddress(0), Engines.devAddress(1));

    /** Block n: dev 0 pays BOB n wei, dev 1 pays fresh(n % 3) (a new account in blocks 1 and 2). */
    static BlockExecution block(EmbeddedEngine e, long n) throws ExecutionException {
        return e.produce(n, n * 1_000, List.of(EthTxs.transfer(Engines.dev(0), n - 1, BOB, n),
                EthTxs.transfer(Engines.dev(1), n - 1, EthTxs.fresh((int) (n % 3)), 100)));
    }

    static Map<Address, Account> snapshot(EmbeddedEngine e) {
        Map<Address, Account> out = new TreeMap<>();
        WATCHED.forEach(a -> out.put(a, e.account(a)));
        return out;
    }

    @Test
    void rewindRestoresBalancesNoncesRootAndForgetsTheBlocks() throws Exception {
        EmbeddedEngine e = Engines.fresh();
        List<Map<Address, Account>> states = new ArrayList<>();
        List<Hash32> roots = new ArrayList<>();
        List<Hash32> txOf3 = new ArrayList<>();
        states.add(snapshot(e));
        roots.add(e.stateRoot());
        for (long n = 1; n <= 5; n++) {
            BlockExecution b = block(e, n);
            if (n == 3) {
                b.included().forEach(t -> txOf3.add(TxDecoder.hashOf(t)));
            }
            states.add(snapshot(e));
            roots.add(e.stateRoot());
        }
        Hash32 hash3 = e.block(3).orElseThrow().hash();
        for (long n = 0; n <= 5; n++) {
            for (Address a : WATCHED) {
                assertEquals(Optional.of(states.get((int) n).get(a)), e.accountAt(a, n), a + " at " + n);
            }
        }
        e.rewindTo(2);
        assertEquals(2, e.headNumber());
        assertEquals(roots.get(2), e.stateRoot());
        assertEquals(states.get(2), snapshot(e));
        assertEquals(Optional.empty(), e.block(3));
        assertEquals(Optional.empty(), e.block(hash3));
        assertEquals(Optional.empty(), e.transaction(txOf3.get(0)));
        assertEquals(Optional.empty(), e.receipt(txOf3.get(1)));
        assertEquals(Optional.empty(), e.accountAt(BOB, 3));
        assertEquals(BaseFee.next(e.block(2).orElseThrow()), e.nextBaseFee());
        assertEquals(Optional.of(states.get(1).get(BOB)), e.accountAt(BOB, 1));
        // the chain continues from block 2, and the same block 3 gives the same root again
        block(e, 3);
        assertEquals(roots.get(3), e.stateRoot());
        e.rewindTo(0);
        assertEquals(StateTrieTest.reference(Engines.config().alloc().entrySet().stream().collect(
                java.util.stream.Collectors.toMap(Map.Entry::getKey, x -> new Account(0, x.getValue())))),
                e.stateRoot());
        assertEquals(states.get(0), snapshot(e));
    }

    @Test
    void rewindIsBoundedByTheWindow() throws Exception {
        EmbeddedEngine e = Engines.fresh(Engines.config().withRewindDepth(3));
        for (long n = 1; n <= 6; n++) {
            block(e, n);
        }
        assertThrows(ExecutionException.class, () -> e.rewindTo(2));
        assertEquals(6, e.headNumber());
        assertEquals(Optional.empty(), e.accountAt(BOB, 2), "older than the window");
        assertTrue(e.accountAt(BOB, 3).isPresent());
        e.rewindTo(6); // nothing to undo
        e.rewindTo(9); // above the head: nothing to undo
        assertEquals(6, e.headNumber());
        e.rewindTo(3);
        assertEquals(3, e.headNumber());
        assertThrows(ExecutionException.class, () -> e.rewindTo(-1));
    }

    @Test
    void aRestartContinuesFromTheStoreWithTheSameRoot() throws Exception {
        InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
        EmbeddedEngine first = Engines.open(kv, Engines.config());
        EmbeddedEngine witness = Engines.fresh();
        for (long n = 1; n <= 4; n++) {
            BlockExecution b = block(first, n);
            witness.replay(n, n * 1_000, b.included(), b.stateRoot());
        }
        first.rewindTo(3);
        witness.rewindTo(3);
        EmbeddedEngine again = Engines.open(kv, Engines.config());
        assertEquals(3, again.headNumber());
        assertEquals(first.stateRoot(), again.stateRoot());
        assertEquals(first.head(), again.head());
        assertEquals(snapshot(first), snapshot(again));
        assertEquals(first.nextBaseFee(), again.nextBaseFee());
        assertEquals(1, new SchemaMigrator(new TypedStore(kv)).current(EngineStore.MODULE).version());
        BlockExecution b4 = block(again, 4);
        BlockExecution w4 = witness.replay(4, 4_000, b4.included(), b4.stateRoot());
        assertEquals(b4.engineBlockHash(), w4.engineBlockHash());
        again.rewindTo(1); // the undo records written before the restart still work
        assertEquals(witness.block(1).orElseThrow().stateRoot(), again.stateRoot());
    }

    @Test
    void aStoreMadeWithAnotherGenesisIsRefused() throws Exception {
        InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
        Engines.open(kv, Engines.config());
        Map<Address, BigInteger> other = new TreeMap<>(Engines.alloc());
        other.put(BOB, BigInteger.ONE);
        StoreException x = assertThrows(StoreException.class, () -> EmbeddedEngine.open(kv,
                EmbeddedConfig.of(EthTxs.CHAIN, other).withCoinbase(Engines.COINBASE)));
        assertTrue(x.getMessage().contains("another genesis"), x.getMessage());
        assertThrows(StoreException.class, () -> EmbeddedEngine.open(kv, Engines.config().withBlockGasLimit(1 << 25)));
        assertNotEquals(Engines.fresh().head().hash(),
                Engines.fresh(Engines.config().withGenesisNumber(7)).head().hash());
    }

    @Test
    void aCorruptedAccountIsFoundAtStart() throws Exception {
        InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
        block(Engines.open(kv, Engines.config()), 1);
        TypedStore typed = new TypedStore(kv);
        typed.commit(typed.newBatch().put(EngineStore.ACCOUNTS, BOB, new Account(0, BigInteger.valueOf(999))));
        StoreException x = assertThrows(StoreException.class, () -> EmbeddedEngine.open(kv, Engines.config()));
        assertTrue(x.getMessage().contains("state root"), x.getMessage());
    }
}
