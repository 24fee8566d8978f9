package seqpool.sequencer.embedded;

import java.util.Arrays;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.codec.crypto.Keccak;

/**
 * The state root of the embedded ledger: a binary Merkle radix tree (crit-bit tree) over every non-empty account,
 * keyed by {@code keccak256(address)}, with cached node hashes.
 *
 * <p><b>Construction.</b> Each account is a leaf at the 256-bit path {@code key = keccak256(address)}. A branch sits
 * where the keys below it first differ: it holds that bit index {@code b} (0 = the most significant bit of the key) and
 * two children, {@code zero} (keys whose bit {@code b} is 0) and {@code one}. Chains of one-child nodes are not
 * stored, so the shape is a function of the set of keys alone: the same accounts give the same tree and the same root
 * whatever the order they were inserted, updated or removed in.
 * <ul>
 * <li>{@code leaf = keccak256(0x00 ‖ address (20) ‖ nonce (8, big-endian) ‖ balance (32, big-endian))}</li>
 * <li>{@code branch = keccak256(0x01 ‖ b (1 byte) ‖ hash(zero) ‖ hash(one))}</li>
 * <li>{@code root} = the hash of the top node, or {@link #EMPTY_ROOT} ({@code keccak256(0x02)}) without accounts.</li>
 * </ul>
 * Leaves and branches are domain-separated and fixed-length, so the root commits to the exact set of (address, nonce,
 * balance) triples. It is not Ethereum's Merkle-Patricia trie: proofs from Ethereum tooling do not apply to it.
 *
 * <p><b>Cost.</b> A change marks the nodes on its path (about log2 of the number of accounts) stale; {@link #root()}
 * rehashes only stale nodes, so a block costs O(touched accounts × depth) hashes, not O(accounts). Not thread-safe.
 */
final class StateTrie {
    /** The root of a ledger without accounts: {@code keccak256(0x02)}. */
    static final Hash32 EMPTY_ROOT = new Hash32(Bytes.wrap(Keccak.digest(new byte[] {2})));

    private abstract static sealed class Node permits Leaf, Branch {
        byte[] hash; // null when stale
    }

    private static final class Leaf extends Node {
        final byte[] key;
        final Address address;
        Account account;

        Leaf(byte[] key, Address address, Account account) {
            this.key = key;
            this.address = address;
            this.account = account;
        }
    }

    private static final class Branch extends Node {
        final int bit;
        Node zero;
        Node one;

        Branch(int bit, Node zero, Node one) {
            this.bit = bit;
            this.zero = zero;
            this.one = one;
        }

        Node child(int side) {
            return side == 0 ? zero : one;
        }

        void set(int side, Node n) {
            if (side == 0) {
                zero = n;
            } else {
                one = n;
            }
        }
    }

    private Node top;
    private int size;

    /** Sets the account at {@code address}; an empty account removes it. */
    void put(Address address, Account account) {
        if (account.isEmpty()) {
            remove(address);
            return;
        }
        byte[] key = Keccak.digest(address.value().toArray());
        if (top == null) {
            top = new Leaf(key, address, account);
            size = 1;
            return;
        }
        Node n = top;
        while (n instanceof Branch b) {
            n = b.child(bit(key, b.bit));
        }
        Leaf nearest = (Leaf) n;
        int crit = firstDifference(key, nearest.key);
        if (crit < 0) {
            nearest.account = account;
            nearest.hash = null;
            staleAlong(key, 256);
            return;
        }
        Leaf leaf = new Leaf(key, address, account);
        Branch parent = null;
        Node at = top;
        while (at instanceof Branch b && b.bit < crit) {
            b.hash = null;
            parent = b;
            at = b.child(bit(key, b.bit));
        }
        Branch fork = bit(key, crit) == 0 ? new Branch(crit, leaf, at) : new Branch(crit, at, leaf);
        if (parent == null) {
            top = fork;
        } else {
            parent.set(bit(key, parent.bit), fork);
        }
        size++;
    }

    /** Removes the account at {@code address}, if present. */
    void remove(Address address) {
        byte[] key = Keccak.digest(address.value().toArray());
        Branch grand = null;
        Branch parent = null;
        Node n = top;
        while (n instanceof Branch b) {
            grand = parent;
            parent = b;
            n = b.child(bit(key, b.bit));
        }
        if (n == null || !Arrays.equals(((Leaf) n).key, key)) {
            return;
        }
        size--;
        if (parent == null) {
            top = null;
            return;
        }
        Node sibling = parent.child(1 - bit(key, parent.bit));
        if (grand == null) {
            top = sibling;
        } else {
            grand.set(bit(key, grand.bit), sibling);
        }
        staleAlong(key, parent.bit);
    }

    /** The number of accounts. */
    int size() {
        return size;
    }

    /** The root hash, rehashing the stale nodes. */
    Hash32 root() {
        return top == null ? EMPTY_ROOT : new Hash32(Bytes.wrap(hash(top).clone()));
    }

    /** Marks every branch on the path to {@code key} above bit {@code limit} stale. */
    private void staleAlong(byte[] key, int limit) {
        Node n = top;
        while (n instanceof Branch b && b.bit < limit) {
            b.hash = null;
            n = b.child(bit(key, b.bit));
        }
    }

    private static byte[] hash(Node n) {
        if (n.hash != null) {
            return n.hash;
        }
        if (n instanceof Leaf leaf) {
            n.hash = leafHash(leaf.address, leaf.account);
        } else {
            Branch b = (Branch) n;
            n.hash = Keccak.digest(new byte[] {1, (byte) b.bit}, hash(b.zero), hash(b.one));
        }
        return n.hash;
    }

    static byte[] leafHash(Address address, Account account) {
        return Keccak.digest(new byte[] {0}, address.value().toArray(), account.encode().toArray());
    }

    /** Bit {@code i} of a 256-bit key, most significant first. */
    static int bit(byte[] key, int i) {
        return (key[i >>> 3] >>> (7 - (i & 7))) & 1;
    }

    /** The index of the first bit where the keys differ, or -1 if they are equal. */
    static int firstDifference(byte[] a, byte[] b) {
        int i = Arrays.mismatch(a, b);
        if (i < 0) {
            return -1;
        }
        return i * 8 + Integer.numberOfLeadingZeros((a[i] ^ b[i]) & 0xff) - 24;
    }
}
