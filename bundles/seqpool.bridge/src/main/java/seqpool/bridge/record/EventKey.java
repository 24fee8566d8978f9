package seqpool.bridge.record;

import java.nio.ByteBuffer;

import seqpool.api.common.Bytes;
import seqpool.store.typed.Serializer;
import seqpool.store.typed.Serializers;

/** The L1 position of an event, the key of the events column: 8 bytes block + 4 bytes log index, big-endian. */
public record EventKey(long block, int logIndex) {
    public static final int SIZE = 12;

    /** Ordered like the positions (unsigned big-endian of non-negative numbers). */
    public static final Serializer<EventKey> SERIALIZER = Serializers.of(EventKey::encode, EventKey::decode);

    public EventKey {
        if (block < 0 || logIndex < 0) {
            throw new IllegalArgumentException("event position must be >= 0, got block " + block + " log "
                    + logIndex);
        }
    }

    private Bytes encode() {
        return Bytes.wrap(ByteBuffer.allocate(SIZE).putLong(block).putInt(logIndex).array());
    }

    private static EventKey decode(Bytes bytes) {
        if (bytes.size() != SIZE) {
            throw new IllegalArgumentException("an event key is " + SIZE + " bytes, got " + bytes.size());
        }
        ByteBuffer b = ByteBuffer.wrap(bytes.toArray());
        return new EventKey(b.getLong(), b.getInt());
    }
}
