package seqpool.pos.app;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
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
 * replaced atomically with each commit) and the log of every assignment, keyed by (epoch, revision), so a restarted
 * or upgraded application continues from exactly what it committed.
 */
final class PosStore {
    private static final Bytes GENESIS = Bytes.utf8("genesis");
    private static final Bytes STATE = Bytes.utf8("state");
    private static final Bytes ASSIGNMENT = Bytes.utf8("a/");

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

    /** One atomic write: the state, its new assignments, and (the first time) the genesis. */
    void commit(PosState s, List<ProducerAssignment> assignments, Genesis genesis) throws StoreException {
        WriteBatch b = kv.newBatch();
        if (genesis != null) {
            b.put(db, GENESIS, GenesisCodec.encode(genesis));
        }
        b.put(db, STATE, StateCodec.encode(s));
        for (ProducerAssignment a : assignments) {
            b.put(db, key(a.epoch(), a.revision()), encode(a));
        }
        kv.commit(b);
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
