package seqpool.bridge.record;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import seqpool.api.bridge.L1Event;
import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.store.typed.Serializer;
import seqpool.store.typed.Serializers;

/**
 * The one stored encoding of an {@link L1Event} (format 1): {@code 0x01 | block u64 | logIndex u32 | blockHash 32 |
 * txHash 32 | contract 20 | kind (u16 length, UTF-8) | topic count u8 | topics 32 each | data (u32 length, bytes)},
 * big-endian. Decoding rejects anything else, including trailing bytes.
 */
public final class EventCodec {
    public static final int FORMAT = 1;
    public static final Serializer<L1Event> SERIALIZER = Serializers.of(EventCodec::encode, EventCodec::decode);

    private EventCodec() {
    }

    public static Bytes encode(L1Event e) {
        byte[] kind = e.kind().getBytes(StandardCharsets.UTF_8);
        if (kind.length > 0xFFFF) {
            throw new IllegalArgumentException("event kind too long: " + kind.length + " bytes");
        }
        int size = 1 + 8 + 4 + 32 + 32 + 20 + 2 + kind.length + 1 + 32 * e.topics().size() + 4 + e.data().size();
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put((byte) FORMAT).putLong(e.l1Block()).putInt(e.logIndex());
        b.put(e.l1BlockHash().value().toArray()).put(e.txHash().value().toArray()).put(e.contract().value().toArray());
        b.putShort((short) kind.length).put(kind);
        b.put((byte) e.topics().size());
        for (Hash32 t : e.topics()) {
            b.put(t.value().toArray());
        }
        b.putInt(e.data().size()).put(e.data().toArray());
        return Bytes.wrap(b.array());
    }

    public static L1Event decode(Bytes bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes.toArray());
        try {
            int format = b.get() & 0xFF;
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown stored event format " + format);
            }
            long block = b.getLong();
            int logIndex = b.getInt();
            Hash32 blockHash = new Hash32(take(b, 32));
            Hash32 txHash = new Hash32(take(b, 32));
            Address contract = new Address(take(b, 20));
            String kind = new String(take(b, b.getShort() & 0xFFFF).toArray(), StandardCharsets.UTF_8);
            int count = b.get() & 0xFF;
            List<Hash32> topics = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                topics.add(new Hash32(take(b, 32)));
            }
            int dataLength = b.getInt();
            if (dataLength < 0) {
                throw new IllegalArgumentException("negative data length");
            }
            Bytes data = take(b, dataLength);
            if (b.hasRemaining()) {
                throw new IllegalArgumentException(b.remaining() + " trailing bytes");
            }
            return new L1Event(block, blockHash, txHash, logIndex, contract, kind, topics, data);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("stored event is truncated (" + bytes.size() + " bytes)", e);
        }
    }

    private static Bytes take(ByteBuffer b, int n) {
        if (n > b.remaining()) {
            throw new BufferUnderflowException();
        }
        byte[] out = new byte[n];
        b.get(out);
        return Bytes.wrap(out);
    }
}
