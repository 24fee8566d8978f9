package seqpool.sequencer.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.sequencer.BlockExecution;
import seqpool.api.sequencer.ExecutionException;

/** A follower's replay: reproduces the producer's block exactly, or applies nothing at all. */
class EmbeddedReplayTest {
    static final Address BOB = EthTxs.fresh(0xB0B);
    static final Address CAROL = EthTxs.fresh(0xCA0);

    static Map<Address, Account> accounts(EmbeddedEngine e) {
        Map<Address, Account> out = new TreeMap<>();
        for (Address a : List.of(BOB, CAROL, Engines.COINBASE, Engines.devAddress(0), Engines.devAddress(1),
                Engines.devAddress(2))) {
            out.put(a, e.account(a));
        }
        return out;
    }

    @Test
    void replayReproducesProduce() throws Exception {
        EmbeddedEngine producer = Engines.fresh();
        EmbeddedEngine follower = Engines.fresh();
        for (long n = 1; n <= 3; n++) {
            List<Bytes> candidates = List.of(EthTxs.transfer(Engines.dev(0), n - 1, BOB, n),
                    EthTxs.legacy(Engines.dev(1), n - 1, CAROL, java.math.BigInteger.TEN, EthTxs.GWEI.multiply(
                            java.math.BigInteger.TWO), 21_000), EthTxs.transfer(Engines.dev(2), 5, BOB, 1));
            BlockExecution p = producer.produce(n, n * 1_000, candidates);
            assertEquals(2, p.included().size());
            BlockExecution f = follower.replay(n, n * 1_000, p.included(), p.stateRoot());
            assertEquals(p.stateRoot(), f.stateRoot());
            assertEquals(p.engineBlockHash(), f.engineBlockHash());
            assertEquals(p.included(), f.included());
            assertEquals(p.gasUsed(), f.gasUsed());
            assertEquals(producer.block(n), follower.block(n));
        }
        assertEquals(accounts(producer), accounts(follower));
        assertEquals(producer.nextBaseFee(), follower.nextBaseFee());
    }

    @Test
    void aTamperedTransactionOrRootThrowsAndAppliesNothing() throws Exception {
        EmbeddedEngine producer = Engines.fresh();
        CountingStore kv = new CountingStore();
        EmbeddedEngine follower = Engines.open(kv, Engines.config());
        BlockExecution p1 = producer.produce(1, 1_000, List.of(EthTxs.transfer(Engines.dev(0), 0, BOB, 5)));
        follower.replay(1, 1_000, p1.included(), p1.stateRoot());
        Bytes honest = EthTxs.transfer(Engines.dev(0), 1, BOB, 5);
        BlockExecution p2 = producer.produce(2, 2_000, List.of(honest, EthTxs.transfer(Engines.dev(1), 0, CAROL, 1)));

        Map<Address, Account> before = accounts(follower);
        Hash32 rootBefore = follower.stateRoot();
        int commits = kv.commits;
        List<List<Bytes>> tampered = new ArrayList<>();
        List<Bytes> otherValue = new ArrayList<>(p2.included());
        otherValue.set(0, EthTxs.transfer(Engines.dev(0), 1, BOB, 6)); // valid, but another transaction
        tampered.add(otherValue);
        List<Bytes> badNonce = new ArrayList<>(p2.included());
        badNonce.set(0, EthTxs.transfer(Engines.dev(0), 2, BOB, 5)); // invalid at its turn
        tampered.add(badNonce);
        tampered.add(List.of(p2.included().get(0))); // one left out
        tampered.add(List.of(p2.included().get(1), p2.included().get(0), honest)); // one added twice
        for (List<Bytes> txs : tampered) {
            ExecutionException x = assertThrows(ExecutionException.class,
                    () -> follower.replay(2, 2_000, txs, p2.stateRoot()));
            assertTrue(x.getMessage().contains("block 2"), x.getMessage());
            assertUnchanged(follower, kv, before, rootBefore, commits);
        }
        Hash32 wrongRoot = new Hash32(Bytes.wrap(new byte[32]));
        assertThrows(ExecutionException.class, () -> follower.replay(2, 2_000, p2.included(), wrongRoot));
        assertUnchanged(follower, kv, before, rootBefore, commits);
        assertThrows(ExecutionException.class, () -> follower.replay(3, 2_000, p2.included(), p2.stateRoot()));
        assertUnchanged(follower, kv, before, rootBefore, commits);

        BlockExecution f2 = follower.replay(2, 2_000, p2.included(), p2.stateRoot());
        assertEquals(p2.engineBlockHash(), f2.engineBlockHash());
        assertEquals(commits + 1, kv.commits);
    }

    @Test
    void aBlockThatOverflowsTheGasLimitIsRefused() throws Exception {
        EmbeddedConfig small = Engines.config().withBlockGasLimit(42_000);
        EmbeddedEngine producer = Engines.fresh();
        List<Bytes> three = List.of(EthTxs.transfer(Engines.dev(0), 0, BOB, 1), EthTxs.transfer(Engines.dev(1), 0,
                BOB, 1), EthTxs.transfer(Engines.dev(2), 0, BOB, 1));
        BlockExecution p = producer.produce(1, 0, three);
        EmbeddedEngine follower = Engines.fresh(small);
        ExecutionException x = assertThrows(ExecutionException.class,
                () -> follower.replay(1, 0, p.included(), p.stateRoot()));
        assertTrue(x.getMessage().contains(Rejection.GAS_LIMIT_REACHED), x.getMessage());
        assertEquals(0, follower.headNumber());
    }

    @Test
    void aFailedStoreCommitLeavesTheEngineAtItsHead() throws Exception {
        CountingStore kv = new CountingStore();
        EmbeddedEngine e = Engines.open(kv, Engines.config());
        Hash32 root = e.stateRoot();
        kv.failNext = true;
        Bytes tx = EthTxs.transfer(Engines.dev(0), 0, BOB, 1);
        assertThrows(ExecutionException.class, () -> e.produce(1, 0, List.of(tx)));
        assertEquals(0, e.headNumber());
        assertEquals(root, e.stateRoot());
        assertEquals(Account.EMPTY, e.account(BOB));
        BlockExecution b = e.produce(1, 0, List.of(tx));
        assertEquals(1, b.included().size());
        assertNotEquals(root, e.stateRoot());
    }

    @Test
    void theStateRootDoesNotDependOnTheOrderAccountsWereFirstTouched() throws Exception {
        Bytes toBob = EthTxs.transfer(Engines.dev(0), 0, BOB, 5);
        Bytes toCarol = EthTxs.transfer(Engines.dev(1), 0, CAROL, 7);
        EmbeddedEngine a = Engines.fresh();
        EmbeddedEngine b = Engines.fresh();
        BlockExecution ea = a.produce(1, 0, List.of(toBob, toCarol));
        BlockExecution eb = b.produce(1, 0, List.of(toCarol, toBob));
        assertEquals(ea.stateRoot(), eb.stateRoot());
        assertNotEquals(ea.engineBlockHash(), eb.engineBlockHash(), "the block hash commits to the order");
        // and genesis allocations given in any order
        Map<Address, java.math.BigInteger> reversed = new TreeMap<>(java.util.Comparator.reverseOrder());
        reversed.putAll(Engines.alloc());
        EmbeddedEngine c = Engines.fresh(new EmbeddedConfig(EthTxs.CHAIN, 0, EmbeddedConfig.DEFAULT_BLOCK_GAS_LIMIT,
                EthTxs.GWEI, Engines.COINBASE, 256, 1024, false, new TreeMap<>(reversed)));
        assertEquals(Engines.fresh().stateRoot(), c.stateRoot());
    }

    private static void assertUnchanged(EmbeddedEngine e, CountingStore kv, Map<Address, Account> accounts,
            Hash32 root, int commits) throws Exception {
        assertEquals(1, e.headNumber());
        assertEquals(root, e.stateRoot());
        assertEquals(root, e.treeRoot(), "the account tree was restored");
        assertEquals(accounts, accounts(e));
        assertEquals(commits, kv.commits, "nothing was written");
        assertEquals(java.util.Optional.empty(), e.block(2));
    }
}
