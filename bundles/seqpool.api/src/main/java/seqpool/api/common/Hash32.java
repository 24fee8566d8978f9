package seqpool.api.common;

/** A 32-byte hash (keccak-256 or SHA-256, as the producing contract says). Immutable and thread-safe. */
public record Hash32(Bytes value) implements Comparable<Hash32> {
    public static final Hash32 ZERO = new Hash32(Bytes.wrap(new byte[32]));

    public Hash32 {
        if (value == null || value.size() != 32) {
            throw new IllegalArgumentException("a hash is 32 bytes, got " + (value == null ? "null" : value.size()));
        }
    }

    public static Hash32 fromHex(String hex) {
        return new Hash32(Bytes.fromHex(hex));
    }

    public boolean isZero() {
        return equals(ZERO);
    }

    @Override
    public int compareTo(Hash32 o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
