package seqpool.sequencer.embedded;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.store.KeyValueStore;
import seqpool.api.store.KvEntry;
import seqpool.api.store.StoreException;
import seqpool.sequencer.embedded.StoreCodec.Change;
import seqpool.store.typed.Column;
import seqpool.store.typed.ColumnEntry;
import seqpool.store.typed.Migration;
import seqpool.store.typed.SchemaMigrator;
import seqpool.store.typed.Serializers;
import seqpool.store.typed.TypedBatch;
import seqpool.store.typed.TypedSnapshot;
import seqpool.store.typed.TypedStore;

/**
 * The embedded ledger in the store (module {@code sequencer.embedded}, schema version 1). Every block is one atomic
 * batch: the changed accounts, the block (by number, and its number by hash), its transactions with their receipts (by
 * hash), its undo record and account history, the new head, and the pruning of the undo record that left the rewind
 * window. Reads take one snapshot each, so they see a whole block or none of it. Thread-safe; writes come from the
 * engine's thread.
 */
final class EngineStore {
    static final String MODULE = "sequencer.embedded";
    static final int SCHEMA_VERSION = 1;

    static final Column<Address, Account> ACCOUNTS =
            Column.of("sequencer.embedded.accounts.v1", Serializers.ADDRESS, StoreCodec.ACCOUNT);
    static final Column<Long, BlockInfo> BLOCKS =
            Column.of("sequencer.embedded.blocks.v1", Serializers.UINT64, StoreCodec.BLOCK);
    static final Column<Hash32, Long> BLOCK_NUMBERS =
            Column.of("sequencer.embedded.blockhashes.v1", Serializers.HASH32, Serializers.UINT64);
    static final Column<Hash32, StoredTx> TXS =
            Column.of("sequencer.embedded.txs.v1", Serializers.HASH32, StoreCodec.TX);
    /** Block number → the value before the block of every account it changed. */
    static final Column<Long, List<Change>> UNDO =
            Column.of("sequencer.embedded.undo.v1", Serializers.UINT64, StoreCodec.UNDO);
    /** address ‖ block number → the account's value before that block (for reads at recent blocks). */
    static final Column<Bytes, Account> HISTORY =
            Column.of("sequencer.embedded.history.v1", Serializers.BYTES, StoreCodec.ACCOUNT);
    static final Column<String, Long> META =
            Column.of("sequencer.embedded.meta.v1", Serializers.UTF8, Serializers.UINT64);
    static final String HEAD = "head";

    private final TypedStore store;

    private EngineStore(TypedStore store) {
        this.store = store;
    }

    static EngineStore open(KeyValueStore kv) throws StoreException {
        TypedStore typed = new TypedStore(kv);
        new SchemaMigrator(typed).migrate(MODULE, SCHEMA_VERSION, List.of(new CreateV1()));
        return new EngineStore(typed);
    }

    Optional<Long> headNumber() throws StoreException {
        return store.get(META, HEAD);
    }

    Optional<BlockInfo> block(long number) throws StoreException {
        return number < 0 ? Optional.empty() : store.get(BLOCKS, number);
    }

    Optional<BlockInfo> block(Hash32 hash) throws StoreException {
        try (TypedSnapshot s = store.snapshot()) {
            Optional<Long> n = s.get(BLOCK_NUMBERS, hash);
            return n.isEmpty() ? Optional.empty() : s.get(BLOCKS, n.get());
        }
    }

    Optional<StoredTx> tx(Hash32 hash) throws StoreException {
        return store.get(TXS, hash);
    }

    /** Every stored account (at the head). */
    Map<Address, Account> accounts() throws StoreException {
        Map<Address, Account> out = new HashMap<>();
        try (TypedSnapshot s = store.snapshot()) {
            s.all(ACCOUNTS).forEachRemaining(e -> out.put(e.key(), e.value()));
        }
        return out;
    }

    /**
     * The account after block {@code number}, or empty when that block is above the head or below the oldest block
     * whose successors still have undo records.
     */
    Optional<Account> accountAt(Address a, long number) throws StoreException {
        try (TypedSnapshot s = store.snapshot()) {
            Optional<Long> head = s.get(META, HEAD);
            if (head.isEmpty() || number > head.get() || number < 0) {
                return Optional.empty();
            }
            if (number < head.get()) {
                Iterator<KvEntry> undo = s.raw().range(store.database(UNDO), null, null); // keys only
                if (!undo.hasNext() || number + 1 < Serializers.UINT64.decode(undo.next().key())) {
                    return Optional.empty();
                }
                Iterator<ColumnEntry<Bytes, Account>> it = s.range(HISTORY, StoreCodec.historyKey(a, number + 1),
                        StoreCodec.historyKey(a, head.get() + 1));
                if (it.hasNext()) {
                    return Optional.of(it.next().value());
                }
            }
            return Optional.of(s.get(ACCOUNTS, a).orElse(Account.EMPTY));
        }
    }

    void writeGenesis(BlockInfo genesis, Map<Address, Account> accounts) throws StoreException {
        TypedBatch batch = store.newBatch();
        for (Map.Entry<Address, Account> e : accounts.entrySet()) {
            batch.put(ACCOUNTS, e.getKey(), e.getValue());
        }
        batch.put(BLOCKS, genesis.number(), genesis).put(BLOCK_NUMBERS, genesis.hash(), genesis.number())
                .put(META, HEAD, genesis.number());
        store.commit(batch);
    }

    /**
     * Commits one block: accounts, block, transactions, undo record and history, head; and drops the undo record and
     * history of block {@code pruned} (if above the genesis) that left the rewind window.
     */
    void commitBlock(BlockInfo block, List<StoredTx> txs, List<Change> undo, Map<Address, Account> changes,
            long pruned) throws StoreException {
        TypedBatch batch = store.newBatch();
        for (Map.Entry<Address, Account> e : changes.entrySet()) {
            if (e.getValue().isEmpty()) {
                batch.delete(ACCOUNTS, e.getKey());
            } else {
                batch.put(ACCOUNTS, e.getKey(), e.getValue());
            }
        }
        for (int i = 0; i < txs.size(); i++) {
            batch.put(TXS, block.transactions().get(i), txs.get(i));
        }
        for (Change c : undo) {
            batch.put(HISTORY, StoreCodec.historyKey(c.address(), block.number()), c.before());
        }
        batch.put(UNDO, block.number(), undo).put(BLOCKS, block.number(), block)
                .put(BLOCK_NUMBERS, block.hash(), block.number()).put(META, HEAD, block.number());
        if (pruned >= 0) {
            Optional<List<Change>> old = store.get(UNDO, pruned);
            if (old.isPresent()) {
                for (Change c : old.get()) {
                    batch.delete(HISTORY, StoreCodec.historyKey(c.address(), pruned));
                }
                batch.delete(UNDO, pruned);
            }
        }
        store.commit(batch);
    }

    /**
     * Undoes blocks {@code head} down to {@code target + 1} in one batch and returns, for every account they changed,
     * its value after block {@code target}; empty if an undo record is missing (nothing is changed then).
     */
    Optional<Map<Address, Account>> rewind(long head, long target) throws StoreException {
        TypedBatch batch = store.newBatch();
        Map<Address, Account> restored = new HashMap<>();
        for (long n = head; n > target; n--) {
            Optional<List<Change>> undo = store.get(UNDO, n);
            Optional<BlockInfo> block = store.get(BLOCKS, n);
            if (undo.isEmpty() || block.isEmpty()) {
                return Optional.empty();
            }
            for (Change c : undo.get()) {
                restored.put(c.address(), c.before()); // lower blocks come later and win
                batch.delete(HISTORY, StoreCodec.historyKey(c.address(), n));
            }
            for (Hash32 tx : block.get().transactions()) {
                batch.delete(TXS, tx);
            }
            batch.delete(UNDO, n).delete(BLOCKS, n).delete(BLOCK_NUMBERS, block.get().hash());
        }
        for (Map.Entry<Address, Account> e : restored.entrySet()) {
            if (e.getValue().isEmpty()) {
                batch.delete(ACCOUNTS, e.getKey());
            } else {
                batch.put(ACCOUNTS, e.getKey(), e.getValue());
            }
        }
        batch.put(META, HEAD, target);
        store.commit(batch);
        return Optional.of(restored);
    }

    /** The stored transactions of a block, in order (for fee history). */
    List<StoredTx> transactions(BlockInfo block) throws StoreException {
        List<StoredTx> out = new ArrayList<>(block.transactions().size());
        try (TypedSnapshot s = store.snapshot()) {
            for (Hash32 h : block.transactions()) {
                s.get(TXS, h).ifPresent(out::add);
            }
        }
        return out;
    }

    /** Version 1 is the first layout: nothing to convert; the databases are created on first write. */
    private static final class CreateV1 implements Migration {
        @Override
        public int fromVersion() {
            return 0;
        }

        @Override
        public String description() {
            return "sequencer.embedded.{accounts,blocks,blockhashes,txs,undo,history,meta}.v1";
        }

        @Override
        public void migrate(TypedSnapshot before, TypedBatch batch) {
            // the first layout: nothing to move
        }
    }
}
