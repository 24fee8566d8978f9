package seqpool.pos.app;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.pos.ForcedMessage;
import seqpool.api.pos.ProducerAssignment;
import seqpool.api.store.Database;
import seqpool.api.store.DatabaseName;
import seqpool.api.store.KeyValueStore;
import seqpool.api.store.KvEntry;
import seqpool.api.store.ReadSnapshot;
import seqpool.api.store.StoreException;
import seqpool.api.store.WriteBatch;
import seqpool.pos.state.Genesis;
import seqpool.pos.state.GenesisCodec;
import seqpool.pos.state.PosState;
import seqpool.pos.state.StateCodec;
import seqpool.pos.tx.MalformedTxException;

/**
 * The PoS application's durable records in database {@code pos}: the genesis, the committed state (one record,
 * replaced atomically with each commit), the log of every assignment, keyed by (epoch, revision), and the log of every
 * committed forced-inclusion message, keyed by its index ({@code f/} ‖ index: L1 block u64 ‖ L1 tx hash 32 ‖ due L2
 * block u64 ‖ transaction), so a restarted or upgraded application continues from exactly what it committed.
 */
final class PosStore {
    private static final Bytes GENESIS = Bytes.utf8("genesis");
    private static final Bytes STATE = Bytes.utf8("state");
    private static final Bytes ASSIGNMENT = Bytes.utf8("a/");
    private static final Bytes FORCED = Bytes.utf8("f/");

    private final KeyValueStore kv;
    private final Database db;

    PosStore(KeyValueStore kv) throws StoreException {
        this.kv = kv;
        this.db = kv.database(new DatabaseName("pos"));
    }

    Optional<Genesis> genesis() throws StoreException {
        Optional<Bytes> b = kv.get(db, GENESIS);
        if (b.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(GenesisCodec.decode(b.get()));
        } catch (MalformedTxException e) {
            throw new StoreException("stored PoS genesis is unreadable: " + e.getMessage());
        }
    }

    Optional<PosState> state() throws StoreException {
        Optional<Bytes> b = kv.get(db, STATE);
        if (b.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(StateCodec.decode(b.get()));
        } catch (MalformedTxException e) {
            throw new StoreException("stored PoS state is unreadable: " + e.getMessage());
        }
    }

    /** One atomic write: the state, its new assignments and forced messages, and (the first time) the genesis. */
    void commit(PosState s, List<ProducerAssignment> assignments, List<ForcedMessage> forced, Genesis genesis)
            throws StoreException {
        WriteBatch b = kv.newBatch();
        if (genesis != null) {
            b.put(db, GENESIS, GenesisCodec.encode(genesis));
        }
        b.put(db, STATE, StateCodec.encode(s));
        for (ProducerAssignment a : assignments) {
            b.put(db, key(a.epoch(), a.revision()), encode(a));
        }
        for (ForcedMessage m : forced) {
            b.put(db, forcedKey(m.index()), encode(m));
        }
        kv.commit(b);
    }

    /**
     * Forced messages {@code from .. below - 1} from the log, in index order, at most {@code max}; {@code included}
     * is set for those below {@code includedCount}.
     */
    List<ForcedMessage> forced(long from, long below, int max, long includedCount) throws StoreException {
        List<ForcedMessage> out = new ArrayList<>();
        if (from < 0 || from >= below) {
            return out;
        }
        try (ReadSnapshot snap = kv.snapshot()) {
            for (long i = from; i < below && out.size() < max; i++) {
                Optional<Bytes> v = snap.get(db, forcedKey(i));
                if (v.isEmpty()) {
                    throw new StoreException("the PoS store lacks committed forced message " + i);
                }
                out.add(decodeForced(i, v.get(), i < includedCount));
            }
        }
        return out;
    }

    private static Bytes forcedKey(long index) {
        return FORCED.concat(Bytes.wrap(ByteBuffer.allocate(8).putLong(index).array()));
    }

    private static Bytes encode(ForcedMessage m) {
        byte[] tx = m.transaction().toArray();
        return Bytes.wrap(ByteBuffer.allocate(8 + 32 + 8 + tx.length).putLong(m.l1Block())
                .put(m.l1TxHash().value().toArray()).putLong(m.dueL2Block()).put(tx).array());
    }

    private static ForcedMessage decodeForced(long index, Bytes v, boolean included) throws StoreException {
        if (v.size() < 48) {
            throw new StoreException("stored forced message " + index + " is unreadable");
        }
        ByteBuffer b = ByteBuffer.wrap(v.toArray());
        long l1Block = b.getLong();
        byte[] txHash = new byte[32];
        b.get(txHash);
        long due = b.getLong();
        byte[] tx = new byte[b.remaining()];
        b.get(tx);
        return new ForcedMessage(index, l1Block, new Hash32(Bytes.wrap(txHash)), Bytes.wrap(tx), due, included);
    }

    /** Every assignment of an epoch, by revision. */
    List<ProducerAssignment> assignments(long epoch) {
        List<ProducerAssignment> out = new ArrayList<>();
        try (ReadSnapshot snap = kv.snapshot()) {
            Iterator<KvEntry> it = snap.prefix(db, ASSIGNMENT.concat(Bytes.wrap(ByteBuffer.allocate(8).putLong(epoch)
                    .array())));
            while (it.hasNext()) {
                out.add(decode(epoch, it.next().value()));
            }
        } catch (StoreException e) {
            return List.of();
        }
        return out;
    }

    private static Bytes key(long epoch, int revision) {
        return ASSIGNMENT.concat(Bytes.wrap(ByteBuffer.allocate(12).putLong(epoch).putInt(revision).array()));
    }

    private static Bytes encode(ProducerAssignment a) {
        return Bytes.wrap(ByteBuffer.allocate(4 + 8 + 8 + 20 + 32).putInt(a.revision()).putLong(a.firstL2Block())
                .putLong(a.lastL2Block()).put(a.producer().value().toArray()).put(a.seed().value().toArray()).array());
    }

    private static ProducerAssignment decode(long epoch, Bytes v) {
        ByteBuffer b = ByteBuffer.wrap(v.toArray());
        int rev = b.getInt();
        long first = b.getLong();
        long last = b.getLong();
        byte[] producer = new byte[20];
        b.get(producer);
        byte[] seed = new byte[32];
        b.get(seed);
        return new ProducerAssignment(epoch, rev, first, last, new Address(Bytes.wrap(producer)),
                new Hash32(Bytes.wrap(seed)));
    }
}
