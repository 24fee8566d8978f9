package seqpool.bridge.record;

import java.nio.ByteBuffer;
import java.util.List;

import seqpool.api.bridge.L1Event;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.bridge.follow.Cursor;
import seqpool.store.typed.Column;
import seqpool.store.typed.Migration;
import seqpool.store.typed.Serializer;
import seqpool.store.typed.Serializers;
import seqpool.store.typed.TypedBatch;
import seqpool.store.typed.TypedSnapshot;

/**
 * The bridge's databases and schema version (module {@code bridge} in {@code store.schema.v1}):
 * <ul>
 * <li>{@code bridge.events.v1}: {@link EventKey} → {@link L1Event} ({@link EventCodec});</li>
 * <li>{@code bridge.cursors.v1}: cursor name → block (u64) and hash (32 bytes); {@code l1} is the Listener's;</li>
 * <li>{@code bridge.meta.v1}: {@code source} → the deployment the record follows (chain id and addresses).</li>
 * </ul>
 * Version 1 is the first layout; a later layout adds a {@link Migration} from 1 (DESIGN.md §7).
 */
public final class BridgeSchema {
    public static final String MODULE = "bridge";
    public static final int VERSION = 1;
    public static final String L1_CURSOR = "l1";
    public static final String SOURCE = "source";

    public static final Serializer<Cursor> CURSOR_SERIALIZER = Serializers.of(BridgeSchema::encodeCursor,
            BridgeSchema::decodeCursor);

    public static final Column<EventKey, L1Event> EVENTS =
            Column.of("bridge.events.v1", EventKey.SERIALIZER, EventCodec.SERIALIZER);
    public static final Column<String, Cursor> CURSORS =
            Column.of("bridge.cursors.v1", Serializers.UTF8, CURSOR_SERIALIZER);
    public static final Column<String, String> META = Column.of("bridge.meta.v1", Serializers.UTF8, Serializers.UTF8);

    /** The steps to {@link #VERSION}. */
    public static final List<Migration> MIGRATIONS = List.of(new Migration() {
        @Override
        public int fromVersion() {
            return 0;
        }

        @Override
        public String description() {
            return "bridge layout 1: bridge.events.v1, bridge.cursors.v1, bridge.meta.v1 (empty)";
        }

        @Override
        public void migrate(TypedSnapshot before, TypedBatch batch) {
            // a new node: nothing to convert; the databases are created on first write
        }
    });

    private BridgeSchema() {
    }

    private static Bytes encodeCursor(Cursor c) {
        if (!c.anchored() || c.block() < 0) {
            throw new IllegalArgumentException("only an anchored cursor is stored, got " + c);
        }
        return Bytes.wrap(ByteBuffer.allocate(40).putLong(c.block()).put(c.hash().value().toArray()).array());
    }

    private static Cursor decodeCursor(Bytes b) {
        if (b.size() != 40) {
            throw new IllegalArgumentException("a stored cursor is 40 bytes, got " + b.size());
        }
        long block = ByteBuffer.wrap(b.toArray()).getLong();
        Hash32 hash = new Hash32(b.slice(8, 40));
        if (block < 0 || hash.isZero()) {
            throw new IllegalArgumentException("stored cursor is not anchored: block " + block);
        }
        return new Cursor(block, hash);
    }
}
