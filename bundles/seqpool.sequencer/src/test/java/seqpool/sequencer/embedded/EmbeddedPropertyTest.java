package seqpool.sequencer.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.web3j.crypto.Credentials;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.sequencer.BlockExecution;
import seqpool.api.store.StoreException;
import seqpool.store.memory.InMemoryKeyValueStore;
import seqpool.store.typed.TypedStore;

/**
 * Random transfer histories (all three types, new and old recipients, invalid candidates, rewinds) on independent
 * engines: two producers given the same candidates make the same blocks, a follower's replays give the same roots,
 * the root equals an independent rebuild over the stored accounts, and a restart reproduces it.
 */
class EmbeddedPropertyTest {
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void randomHistoriesGiveEqualRootsOnEveryEngine(long seed) throws Exception {
        SplittableRandom rnd = new SplittableRandom(seed);
        InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
        EmbeddedEngine a = Engines.open(kv, Engines.config());
        EmbeddedEngine b = Engines.fresh();
        EmbeddedEngine follower = Engines.fresh();
        Map<Address, Long> nonces = new HashMap<>();
        long head = 0;
        int included = 0;
        int rejected = 0;
        for (int block = 0; block < 8; block++) {
            List<Bytes> candidates = new ArrayList<>();
            int count = 3 + rnd.nextInt(12);
            for (int i = 0; i < count; i++) {
                candidates.add(randomTx(rnd, a, nonces));
            }
            long n = head + 1;
            long ts = n * 1_000 + rnd.nextInt(1_000);
            BlockExecution pa = a.produce(n, ts, candidates);
            BlockExecution pb = b.produce(n, ts, candidates);
            assertEquals(pa, pb, "same candidates, same block");
            included += pa.included().size();
            rejected += pa.rejected().size();
            BlockExecution f = follower.replay(n, ts, pa.included(), pa.stateRoot());
            assertEquals(pa.stateRoot(), f.stateRoot());
            assertEquals(pa.engineBlockHash(), f.engineBlockHash());
            nonces.clear(); // re-read from the engine: rejected candidates did not use their nonce
            head = n;
            if (rnd.nextInt(5) == 0 && head > 1) {
                long to = head - 1 - rnd.nextInt((int) Math.min(head - 1, 3));
                a.rewindTo(to);
                b.rewindTo(to);
                follower.rewindTo(to);
                head = to;
                assertEquals(a.block(to).orElseThrow().stateRoot(), follower.stateRoot());
            }
        }
        assertTrue(included >= 15 && rejected >= 1, "a history worth the name: " + included + "/" + rejected);
        assertEquals(StateTrieTest.reference(storedAccounts(kv)), a.stateRoot(), "an independent rebuild");
        assertEquals(a.stateRoot(), Engines.open(kv, Engines.config()).stateRoot(), "a restart");
        assertEquals(a.stateRoot(), b.stateRoot());
    }

    /** A transfer from a dev account to a dev account or a new address; now and then an invalid one. */
    static Bytes randomTx(SplittableRandom rnd, EmbeddedEngine e, Map<Address, Long> nonces) {
        int from = rnd.nextInt(4);
        Credentials key = Engines.dev(from);
        Address sender = Engines.devAddress(from);
        long nonce = nonces.computeIfAbsent(sender, s -> e.account(s).nonce());
        Address to = rnd.nextBoolean() ? Engines.devAddress(rnd.nextInt(10)) : EthTxs.fresh(rnd.nextInt(20));
        BigInteger value = BigInteger.valueOf(rnd.nextLong(1, 1_000_000_000_000L));
        int kind = rnd.nextInt(10);
        if (kind == 0) {
            nonce += 2; // a gap: rejected
        } else if (kind == 1) {
            value = DevAccounts.BALANCE.multiply(BigInteger.TWO); // more than it has: rejected
        } else {
            nonces.put(sender, nonce + 1);
        }
        BigInteger tip = BigInteger.valueOf(rnd.nextLong(0, 2_000_000_000L));
        return switch (rnd.nextInt(3)) {
            case 0 -> EthTxs.legacy(key, nonce, to, value, EthTxs.GWEI.add(tip), 21_000 + rnd.nextInt(10_000));
            case 1 -> EthTxs.eip2930(key, nonce, to, value, EthTxs.GWEI.add(tip), 21_000, List.of());
            default -> EthTxs.eip1559(key, nonce, to, value, EthTxs.GWEI.multiply(BigInteger.valueOf(3)), tip,
                    21_000 + rnd.nextInt(1_000));
        };
    }

    static Map<Address, Account> storedAccounts(InMemoryKeyValueStore kv) throws StoreException {
        Map<Address, Account> out = new TreeMap<>();
        try (var s = new TypedStore(kv).snapshot()) {
            s.all(EngineStore.ACCOUNTS).forEachRemaining(x -> out.put(x.key(), x.value()));
        }
        return out;
    }
}
