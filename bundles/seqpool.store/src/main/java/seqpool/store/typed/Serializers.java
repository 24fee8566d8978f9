package seqpool.store.typed;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;

/** Serializers for common key and value types. All of them keep order and reject malformed bytes. */
public final class Serializers {
    /** Unsigned 64-bit big-endian: 8 bytes, ordered like the numbers. Rejects negative values (heights, rounds). */
    public static final Serializer<Long> UINT64 = new Serializer<>() {
        @Override
        public Bytes encode(Long v) {
            if (v < 0) {
                throw new IllegalArgumentException("UINT64 column key must be >= 0, got " + v);
            }
            byte[] b = new byte[8];
            for (int i = 7; i >= 0; i--) {
                b[i] = (byte) (v >>> (8 * (7 - i)));
            }
            return Bytes.wrap(b);
        }

        @Override
        public Long decode(Bytes bytes) {
            requireSize(bytes, 8, "UINT64");
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (bytes.get(i) & 0xFF);
            }
            if (v < 0) {
                throw new IllegalArgumentException("UINT64 value out of range: " + bytes);
            }
            return v;
        }
    };

    /** Unsigned 32-bit big-endian: 4 bytes (rounds, versions). Rejects negative values. */
    public static final Serializer<Integer> UINT32 = new Serializer<>() {
        @Override
        public Bytes encode(Integer v) {
            if (v < 0) {
                throw new IllegalArgumentException("UINT32 value must be >= 0, got " + v);
            }
            return Bytes.of((byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) (int) v);
        }

        @Override
        public Integer decode(Bytes bytes) {
            requireSize(bytes, 4, "UINT32");
            int v = ((bytes.get(0) & 0xFF) << 24) | ((bytes.get(1) & 0xFF) << 16) | ((bytes.get(2) & 0xFF) << 8)
                    | (bytes.get(3) & 0xFF);
            if (v < 0) {
                throw new IllegalArgumentException("UINT32 value out of range: " + bytes);
            }
            return v;
        }
    };

    /** The bytes themselves. */
    public static final Serializer<Bytes> BYTES = of(b -> b, b -> b);

    /** UTF-8 text; malformed UTF-8 is rejected. */
    public static final Serializer<String> UTF8 = of(Bytes::utf8, Serializers::decodeUtf8);

    /** A 32-byte hash. */
    public static final Serializer<Hash32> HASH32 = of(Hash32::value, Hash32::new);

    /** A 20-byte address. */
    public static final Serializer<Address> ADDRESS = of(Address::value, Address::new);

    private Serializers() {
    }

    /** A serializer from two functions; {@code decode} should throw IllegalArgumentException on bad input. */
    public static <T> Serializer<T> of(Function<T, Bytes> encode, Function<Bytes, T> decode) {
        Objects.requireNonNull(encode, "encode");
        Objects.requireNonNull(decode, "decode");
        return new Serializer<>() {
            @Override
            public Bytes encode(T value) {
                return encode.apply(Objects.requireNonNull(value, "value"));
            }

            @Override
            public T decode(Bytes bytes) {
                return decode.apply(bytes);
            }
        };
    }

    private static void requireSize(Bytes bytes, int size, String type) {
        if (bytes.size() != size) {
            throw new IllegalArgumentException(type + " needs " + size + " bytes, got " + bytes.size());
        }
    }

    private static String decodeUtf8(Bytes b) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(b.toArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8: " + b, e);
        }
    }
}
