package seqpool.sequencer.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import seqpool.api.common.Bytes;
import seqpool.api.sequencer.L2Block;
import seqpool.api.store.KeyValueStore;
import seqpool.api.store.StoreException;
import seqpool.codec.wire.MalformedMessageException;
import seqpool.sequencer.wire.L2Codec;
import seqpool.sequencer.wire.WireLimits;
import seqpool.store.typed.Column;
import seqpool.store.typed.ColumnEntry;
import seqpool.store.typed.Migration;
import seqpool.store.typed.SchemaMigrator;
import seqpool.store.typed.Serializer;
import seqpool.store.typed.Serializers;
import seqpool.store.typed.TypedBatch;
import seqpool.store.typed.TypedSnapshot;
import seqpool.store.typed.TypedStore;

/**
 * The L2 chain in the store. {@link #append} writes a block and the new head in one batch, so after a crash the store
 * holds every block up to its head and nothing above it. Blocks are kept in their canonical encoding
 * ({@link L2Codec#encodeBlock}: unchanged for a block whose chain consumed no forced message, so stores written
 * before forced inclusion are read as they are). Reads are thread-safe; writes come from the sequencer thread only.
 */
public final class L2BlockStore {
    public static final String MODULE = "sequencer";
    public static final int SCHEMA_VERSION = 1;
    private static final L2Codec CODEC = new L2Codec(WireLimits.DEFAULT);
    private static final Serializer<L2Block> BLOCK = Serializers.of(L2Codec::encodeBlock, L2BlockStore::decode);

    public static final Column<Long, L2Block> BLOCKS = Column.of("sequencer.blocks.v1", Serializers.UINT64, BLOCK);
    public static final Column<String, Long> META = Column.of("sequencer.meta.v1", Serializers.UTF8, Serializers.UINT64);
    /** Key: number (8 bytes) ‖ hash of the conflicting block; value: both blocks, each length-prefixed. */
    public static final Column<Bytes, EquivocationRecord> EQUIVOCATIONS = Column.of("sequencer.equivocations.v1",
            Serializers.BYTES, Serializers.of(L2BlockStore::encodeRecord, L2BlockStore::decodeRecord));
    static final String HEAD = "head";

    private final TypedStore store;

    private L2BlockStore(TypedStore store) {
        this.store = store;
    }

    /** Opens the chain in {@code kv}, bringing its schema to {@link #SCHEMA_VERSION}. */
    public static L2BlockStore open(KeyValueStore kv) throws StoreException {
        TypedStore typed = new TypedStore(kv);
        new SchemaMigrator(typed).migrate(MODULE, SCHEMA_VERSION, List.of(new CreateV1()));
        return new L2BlockStore(typed);
    }

    /** The stored head block, or empty before the first block. */
    public Optional<L2Block> head() throws StoreException {
        try (TypedSnapshot s = store.snapshot()) {
            Optional<Long> n = s.get(META, HEAD);
            if (n.isEmpty()) {
                return Optional.empty();
            }
            Optional<L2Block> b = s.get(BLOCKS, n.get());
            if (b.isEmpty()) {
                throw new StoreException("sequencer head " + n.get() + " has no stored block");
            }
            return b;
        }
    }

    public Optional<L2Block> block(long number) throws StoreException {
        return number < 0 ? Optional.empty() : store.get(BLOCKS, number);
    }

    /** Stored blocks {@code from..to}, ascending, at most {@code maxCount} and stopping before {@code maxBytes}. */
    public List<L2Block> range(long from, long to, int maxCount, int maxBytes) throws StoreException {
        List<L2Block> out = new ArrayList<>();
        if (from < 0 || to < from) {
            return out;
        }
        int bytes = 0;
        try (TypedSnapshot s = store.snapshot()) {
            Iterator<ColumnEntry<Long, L2Block>> it = s.range(BLOCKS, from, to == Long.MAX_VALUE ? null : to + 1);
            while (it.hasNext() && out.size() < maxCount) {
                L2Block b = it.next().value();
                bytes += L2Codec.responseSize(b);
                if (bytes > maxBytes || (!out.isEmpty() && b.number() != out.get(out.size() - 1).number() + 1)) {
                    break;
                }
                out.add(b);
            }
        }
        return out;
    }

    /** Stores {@code block} and makes it the head, atomically. The caller has validated it as head + 1. */
    public void append(L2Block block) throws StoreException {
        TypedBatch batch = store.newBatch();
        batch.put(BLOCKS, block.number(), block).put(META, HEAD, block.number());
        store.commit(batch);
    }

    /**
     * Removes blocks {@code from} and above and makes {@code newHead} (which must be {@code from - 1}, or none at the
     * implicit genesis) the head, atomically: the unsafe blocks a rotated-out producer made after the pool's rotation
     * point.
     */
    public void truncateFrom(long from, Optional<L2Block> newHead) throws StoreException {
        TypedBatch batch = store.newBatch();
        Optional<L2Block> h = head();
        for (long n = from; h.isPresent() && n <= h.get().number(); n++) {
            batch.delete(BLOCKS, n);
        }
        if (newHead.isPresent()) {
            batch.put(META, HEAD, newHead.get().number());
        } else {
            batch.delete(META, HEAD);
        }
        store.commit(batch);
    }

    /** Records equivocation evidence; false if this conflicting block was recorded before. */
    public boolean recordEquivocation(EquivocationRecord record) throws StoreException {
        Bytes key = evidenceKey(record.conflicting());
        if (store.get(EQUIVOCATIONS, key).isPresent()) {
            return false;
        }
        store.commit(store.newBatch().put(EQUIVOCATIONS, key, record));
        return true;
    }

    public List<EquivocationRecord> equivocations() throws StoreException {
        List<EquivocationRecord> out = new ArrayList<>();
        try (TypedSnapshot s = store.snapshot()) {
            s.all(EQUIVOCATIONS).forEachRemaining(e -> out.add(e.value()));
        }
        return out;
    }

    private static Bytes evidenceKey(L2Block b) {
        return Bytes.wrap(ByteBuffer.allocate(40).putLong(b.number()).put(b.hash().value().toArray()).array());
    }

    private static L2Block decode(Bytes bytes) {
        try {
            return CODEC.decodeBlock(bytes);
        } catch (MalformedMessageException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static Bytes encodeRecord(EquivocationRecord r) {
        Bytes a = L2Codec.encodeBlock(r.kept());
        Bytes b = L2Codec.encodeBlock(r.conflicting());
        return Bytes.wrap(ByteBuffer.allocate(8 + a.size() + b.size()).putInt(a.size()).put(a.toArray())
                .putInt(b.size()).put(b.toArray()).array());
    }

    private static EquivocationRecord decodeRecord(Bytes bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes.toArray());
        try {
            byte[] a = sized(in);
            byte[] b = sized(in);
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("trailing bytes in an equivocation record");
            }
            return new EquivocationRecord(decode(Bytes.wrap(a)), decode(Bytes.wrap(b)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bad equivocation record: " + e.getMessage(), e);
        }
    }

    private static byte[] sized(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) {
            throw new IllegalArgumentException("length " + n + " with " + in.remaining() + " bytes left");
        }
        byte[] out = new byte[n];
        in.get(out);
        return out;
    }

    /** Version 1 is the first layout: nothing to convert, the databases are created on first write. */
    private static final class CreateV1 implements Migration {
        @Override
        public int fromVersion() {
            return 0;
        }

        @Override
        public String description() {
            return "sequencer.blocks.v1, sequencer.meta.v1, sequencer.equivocations.v1";
        }

        @Override
        public void migrate(TypedSnapshot before, TypedBatch batch) {
            // the first layout: nothing to move
        }
    }
}
