package seqpool.sequencer.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.codec.crypto.Keccak;

class StateTrieTest {
    static Map<Address, Account> randomAccounts(SplittableRandom rnd, int n) {
        Map<Address, Account> out = new TreeMap<>();
        while (out.size() < n) {
            byte[] a = new byte[20];
            rnd.nextBytes(a);
            out.put(new Address(Bytes.wrap(a)), new Account(rnd.nextInt(1000),
                    BigInteger.valueOf(rnd.nextLong(1, Long.MAX_VALUE)).shiftLeft(rnd.nextInt(190))));
        }
        return out;
    }

    /** An independent construction of the same root: sort the keys, split at the first differing bit, recurse. */
    static Hash32 reference(Map<Address, Account> accounts) {
        if (accounts.isEmpty()) {
            return StateTrie.EMPTY_ROOT;
        }
        List<byte[][]> leaves = new ArrayList<>(); // {key, leafHash}
        accounts.forEach((a, acct) -> leaves.add(new byte[][] {Keccak.digest(a.value().toArray()),
                StateTrie.leafHash(a, acct)}));
        leaves.sort(Comparator.comparing((byte[][] l) -> Bytes.wrap(l[0])));
        return new Hash32(Bytes.wrap(build(leaves)));
    }

    private static byte[] build(List<byte[][]> sorted) {
        if (sorted.size() == 1) {
            return sorted.get(0)[1];
        }
        int bit = StateTrie.firstDifference(sorted.get(0)[0], sorted.get(sorted.size() - 1)[0]);
        int split = 0;
        while (StateTrie.bit(sorted.get(split)[0], bit) == 0) {
            split++;
        }
        return Keccak.digest(new byte[] {1, (byte) bit}, build(sorted.subList(0, split)),
                build(sorted.subList(split, sorted.size())));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 17, 500})
    void theRootIsTheReferenceConstructionWhateverTheInsertionOrder(int n) {
        SplittableRandom rnd = new SplittableRandom(n);
        Map<Address, Account> accounts = randomAccounts(rnd, n);
        Hash32 expected = reference(accounts);
        for (int round = 0; round < 5; round++) {
            List<Address> order = new ArrayList<>(accounts.keySet());
            Collections.shuffle(order, new java.util.Random(round));
            StateTrie trie = new StateTrie();
            for (Address a : order) {
                trie.put(a, accounts.get(a));
            }
            assertEquals(expected, trie.root(), "order " + round);
            assertEquals(n, trie.size());
        }
    }

    @Test
    void updatesAndRemovalsKeepTheRootEqualToARebuild() {
        SplittableRandom rnd = new SplittableRandom(7);
        Map<Address, Account> accounts = randomAccounts(rnd, 300);
        StateTrie trie = new StateTrie();
        accounts.forEach(trie::put);
        trie.root(); // hashes cached, so the checks below exercise the stale marking
        List<Address> keys = new ArrayList<>(accounts.keySet());
        for (int step = 0; step < 400; step++) {
            Address a = keys.get(rnd.nextInt(keys.size()));
            int op = rnd.nextInt(3);
            if (op == 0) {
                accounts.remove(a);
                trie.remove(a);
            } else {
                Account v = new Account(rnd.nextInt(5), BigInteger.valueOf(rnd.nextInt(3)));
                trie.put(a, v);
                if (v.isEmpty()) {
                    accounts.remove(a);
                } else {
                    accounts.put(a, v);
                }
            }
            if (step % 37 == 0) {
                assertEquals(reference(accounts), trie.root(), "step " + step);
            }
        }
        assertEquals(reference(accounts), trie.root());
        assertEquals(accounts.size(), trie.size());
    }

    @Test
    void anEmptyAccountIsNoAccountAndRemovingAnAbsentOneChangesNothing() {
        StateTrie trie = new StateTrie();
        assertEquals(StateTrie.EMPTY_ROOT, trie.root());
        Address a = EthTxs.fresh(1);
        Address b = EthTxs.fresh(2);
        trie.put(a, new Account(1, BigInteger.TEN));
        Hash32 one = trie.root();
        trie.put(b, Account.EMPTY);
        trie.remove(EthTxs.fresh(3));
        assertEquals(one, trie.root());
        trie.put(b, new Account(0, BigInteger.ONE));
        assertNotEquals(one, trie.root());
        trie.remove(b);
        assertEquals(one, trie.root());
        trie.put(a, new Account(1, BigInteger.valueOf(11)));
        assertNotEquals(one, trie.root(), "a balance change changes the root");
        trie.put(a, new Account(2, BigInteger.TEN));
        assertNotEquals(one, trie.root(), "a nonce change changes the root");
        trie.remove(a);
        assertEquals(StateTrie.EMPTY_ROOT, trie.root());
    }

    @Test
    void firstDifferenceCountsBitsFromTheMostSignificant() {
        byte[] x = new byte[32];
        byte[] y = new byte[32];
        assertEquals(-1, StateTrie.firstDifference(x, y));
        y[0] = (byte) 0x80;
        assertEquals(0, StateTrie.firstDifference(x, y));
        y[0] = 0;
        y[2] = 0x01;
        assertEquals(23, StateTrie.firstDifference(x, y));
        assertEquals(1, StateTrie.bit(y, 23));
        assertEquals(0, StateTrie.bit(y, 22));
    }
}
