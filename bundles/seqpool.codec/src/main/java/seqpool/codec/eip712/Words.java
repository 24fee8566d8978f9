package seqpool.codec.eip712;

import java.math.BigInteger;

import seqpool.api.common.Address;

/** ABI 32-byte word encoding of EIP-712 atomic values. */
final class Words {
    private Words() {
    }

    static void putUnsigned(byte[] out, int offset, BigInteger v) {
        if (v.signum() < 0 || v.bitLength() > 256) {
            throw new IllegalArgumentException("not a uint256: " + v);
        }
        byte[] b = v.toByteArray();
        int len = Math.min(b.length, 32);
        System.arraycopy(b, b.length - len, out, offset + 32 - len, len);
    }

    static void putUnsigned(byte[] out, int offset, long v) {
        for (int i = 0; i < 8; i++) {
            out[offset + 31 - i] = (byte) (v >>> (8 * i));
        }
    }

    /** Two's complement, sign-extended to 256 bits (EIP-712 {@code intN}). */
    static void putSigned(byte[] out, int offset, long v) {
        byte fill = (byte) (v < 0 ? 0xff : 0);
        for (int i = 0; i < 24; i++) {
            out[offset + i] = fill;
        }
        putUnsigned(out, offset, v);
    }

    static void putAddress(byte[] out, int offset, Address a) {
        byte[] b = a.value().toArray();
        System.arraycopy(b, 0, out, offset + 12, 20);
    }

    static void putBytes32(byte[] out, int offset, byte[] b32) {
        System.arraycopy(b32, 0, out, offset, 32);
    }
}
