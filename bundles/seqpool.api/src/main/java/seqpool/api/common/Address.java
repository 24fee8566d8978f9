package seqpool.api.common;

import java.util.Locale;

/**
 * A 20-byte Ethereum address: an operator's signer key, a contract, or the pool's MPC key.
 * Compared byte-wise (never by the case of a hex string). Immutable and thread-safe.
 */
public record Address(Bytes value) implements Comparable<Address> {
    public static final int SIZE = 20;

    public Address {
        if (value == null || value.size() != SIZE) {
            throw new IllegalArgumentException("an address is 20 bytes, got " + (value == null ? "null" : value.size()));
        }
    }

    public static Address fromHex(String hex) {
        return new Address(Bytes.fromHex(hex));
    }

    /** Lower-case 0x-prefixed hex. */
    public String toHex() {
        return "0x" + value.toHex().toLowerCase(Locale.ROOT);
    }

    @Override
    public int compareTo(Address o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
