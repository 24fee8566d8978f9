package seqpool.sequencer.embedded;

import java.math.BigInteger;

/** 32-byte big-endian words for uint256 values. */
final class Words {
    private Words() {
    }

    /** Writes {@code v} (0 <= v < 2^256) as 32 big-endian bytes at {@code offset}. */
    static void put32(BigInteger v, byte[] out, int offset) {
        if (v.signum() < 0 || v.bitLength() > 256) {
            throw new IllegalArgumentException("not a uint256: " + v);
        }
        byte[] b = v.toByteArray();
        int len = Math.min(b.length, 32);
        System.arraycopy(b, b.length - len, out, offset + 32 - len, len);
    }

    static byte[] word(BigInteger v) {
        byte[] out = new byte[32];
        put32(v, out, 0);
        return out;
    }
}
