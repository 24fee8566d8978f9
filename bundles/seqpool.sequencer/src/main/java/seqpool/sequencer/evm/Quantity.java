package seqpool.sequencer.evm;

import java.math.BigInteger;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;

/** Ethereum JSON-RPC quantities ({@code 0x}-prefixed hex without leading zeros) and data fields. */
final class Quantity {
    private Quantity() {
    }

    static String hex(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative quantity " + value);
        }
        return "0x" + Long.toHexString(value);
    }

    static String hex(BigInteger value) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("negative quantity " + value);
        }
        return "0x" + value.toString(16);
    }

    static BigInteger big(Object json) {
        if (!(json instanceof String s) || !(s.startsWith("0x") || s.startsWith("0X")) || s.length() < 3) {
            throw new IllegalArgumentException("not a quantity: " + json);
        }
        return new BigInteger(s.substring(2), 16);
    }

    static long number(Object json) {
        BigInteger v = big(json);
        if (v.bitLength() > 63) {
            throw new IllegalArgumentException("quantity out of range: " + json);
        }
        return v.longValueExact();
    }

    static Hash32 hash(Object json) {
        if (!(json instanceof String s)) {
            throw new IllegalArgumentException("not a hash: " + json);
        }
        return Hash32.fromHex(s);
    }

    static String data(Hash32 hash) {
        return "0x" + hash.value().toHex();
    }

    static String data(Address address) {
        return address.toHex();
    }
}
