package seqpool.sequencer.embedded;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;

/**
 * The accounts at the head, in memory: a concurrent map that {@code check} reads from any thread, and the
 * {@link StateTrie} that gives the state root. Written by the engine's thread only.
 */
final class Ledger {
    private final StateTrie trie = new StateTrie();
    private final Map<Address, Account> accounts = new ConcurrentHashMap<>();

    /** The account at the head, or {@code null} if it does not exist. Any thread. */
    Account get(Address a) {
        return accounts.get(a);
    }

    /** Sets an account ({@link Account#EMPTY} removes it) in the map and the tree. */
    void put(Address a, Account v) {
        trie.put(a, v);
        if (v.isEmpty()) {
            accounts.remove(a);
        } else {
            accounts.put(a, v);
        }
    }

    void putAll(Map<Address, Account> values) {
        values.forEach(this::put);
    }

    /** Sets the accounts in the tree only: a candidate block whose root is still to be checked. */
    void stage(Map<Address, Account> values) {
        values.forEach(trie::put);
    }

    /** Publishes staged values to the map (after the block was stored). */
    void publish(Map<Address, Account> values) {
        values.forEach((a, v) -> {
            if (v.isEmpty()) {
                accounts.remove(a);
            } else {
                accounts.put(a, v);
            }
        });
    }

    /** Puts the accounts of a refused block back into the tree and checks the root is the parent's again. */
    void unstage(Map<Address, Account> before, Hash32 parentRoot) {
        before.forEach(trie::put);
        if (!trie.root().equals(parentRoot)) {
            throw new IllegalStateException("restoring the parent's accounts gave root " + trie.root() + ", not "
                    + parentRoot);
        }
    }

    /** Drops every account (before loading another set). */
    void clear() {
        accounts.keySet().forEach(trie::remove);
        accounts.clear();
    }

    Hash32 root() {
        return trie.root();
    }
}
