package seqpool.consensus.node;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.consensus.CommittedBlock;
import seqpool.api.consensus.ValidatorUpdate;
import seqpool.api.store.Database;
import seqpool.api.store.DatabaseName;
import seqpool.api.store.KeyValueStore;
import seqpool.api.store.KvEntry;
import seqpool.api.store.ReadSnapshot;
import seqpool.api.store.StoreException;
import seqpool.api.store.WriteBatch;
import seqpool.codec.wire.MalformedMessageException;
import seqpool.consensus.wire.ConsensusMessage;
import seqpool.consensus.wire.MessageCodec;

/**
 * The engine's typed view of the store (DESIGN.md §7: all durable state lives there). Databases:
 * {@code consensus.blocks.v1} (height → block + commit certificate), {@code consensus.updates.v1} (height → validator
 * updates returned by the application), {@code consensus.wal.v1} ((height, seq) → driver input) and
 * {@code consensus.signed.v1} ((height, round, step) → the message this validator signed). Writes are staged and made
 * durable together by {@link #flush()}, which the node calls before it releases any action. Not thread-safe.
 */
public final class ConsensusStore {
    private final KeyValueStore store;
    private final MessageCodec codec;
    private final Database blocks;
    private final Database updates;
    private final Database wal;
    private final Database signed;
    private WriteBatch pending;
    private int walSeq;

    public ConsensusStore(KeyValueStore store, MessageCodec codec) throws StoreException {
        this.store = store;
        this.codec = codec;
        this.blocks = store.database(DatabaseName.of("consensus.blocks.v1"));
        this.updates = store.database(DatabaseName.of("consensus.updates.v1"));
        this.wal = store.database(DatabaseName.of("consensus.wal.v1"));
        this.signed = store.database(DatabaseName.of("consensus.signed.v1"));
        this.pending = store.newBatch();
    }

    static Bytes u64(long v) {
        return Bytes.wrap(ByteBuffer.allocate(8).putLong(v).array());
    }

    private static Bytes signedKey(long h, int round, int step) {
        return Bytes.wrap(ByteBuffer.allocate(13).putLong(h).putInt(round).put((byte) step).array());
    }

    // ---- blocks

    public long lastHeight() throws StoreException {
        try (ReadSnapshot s = store.snapshot()) {
            Iterator<KvEntry> it = s.rangeDescending(blocks, null, null);
            return it.hasNext() ? ByteBuffer.wrap(it.next().key().toArray()).getLong() : 0;
        }
    }

    public Optional<CommittedBlock> block(long height) throws StoreException {
        Optional<Bytes> b = store.get(blocks, u64(height));
        if (b.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(((ConsensusMessage.BlockResponse) codec.decode(b.get())).block());
        } catch (MalformedMessageException e) {
            throw new StoreException("stored block " + height + " does not decode: " + e.getMessage());
        }
    }

    public void putBlock(CommittedBlock b, List<ValidatorUpdate> ups) {
        pending.put(blocks, u64(b.height()), codec.encode(new ConsensusMessage.BlockResponse(b)));
        ByteBuffer buf = ByteBuffer.allocate(4 + ups.size() * 28).putInt(ups.size());
        for (ValidatorUpdate u : ups) {
            buf.put(u.address().value().toArray()).putLong(u.power());
        }
        pending.put(updates, u64(b.height()), Bytes.wrap(buf.array()));
    }

    public List<ValidatorUpdate> updates(long height) throws StoreException {
        Bytes b = store.get(updates, u64(height)).orElseThrow(() -> new StoreException("no validator updates for " + height));
        ByteBuffer buf = ByteBuffer.wrap(b.toArray());
        int n = buf.getInt();
        List<ValidatorUpdate> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] a = new byte[20];
            buf.get(a);
            out.add(new ValidatorUpdate(new Address(Bytes.wrap(a)), buf.getLong()));
        }
        return out;
    }

    // ---- write-ahead log of driver inputs for the current height

    public void appendWal(long height, Bytes entry) {
        pending.put(wal, Bytes.wrap(ByteBuffer.allocate(12).putLong(height).putInt(walSeq++).array()), entry);
    }

    public List<Bytes> walEntries(long height) throws StoreException {
        List<Bytes> out = new ArrayList<>();
        try (ReadSnapshot s = store.snapshot()) {
            Iterator<KvEntry> it = s.prefix(wal, u64(height));
            while (it.hasNext()) {
                out.add(it.next().value());
            }
        }
        walSeq = out.size();
        return out;
    }

    /** Drops the log and the signed-message records below {@code height} (they are committed history now). */
    public void pruneBelow(long height) {
        pending.deleteRange(wal, u64(0), u64(height));
        pending.deleteRange(signed, signedKey(0, 0, 0), signedKey(height, 0, 0));
        walSeq = 0;
    }

    // ---- double-sign guard records

    public Optional<Bytes> signedMessage(long height, int round, int step) throws StoreException {
        return store.get(signed, signedKey(height, round, step));
    }

    public void putSigned(long height, int round, int step, Bytes message) {
        pending.put(signed, signedKey(height, round, step), message);
    }

    /** Makes every staged write durable, atomically. */
    public void flush() throws StoreException {
        if (pending.size() > 0) {
            store.commit(pending);
            pending = store.newBatch();
        }
    }
}
