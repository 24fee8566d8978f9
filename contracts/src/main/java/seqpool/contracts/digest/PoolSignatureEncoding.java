package seqpool.contracts.digest;

import java.math.BigInteger;

import org.web3j.utils.Numeric;

/**
 * Byte layouts of a pool signature as the contracts take it (first byte = scheme):
 * <ul>
 * <li>{@code 0x01 || r(32) || s(32) || v(1)}: ECDSA over the digest, s ≤ n/2, v ∈ {27, 28};</li>
 * <li>{@code 0x02 || Rx(32) || Ry(32) || z(32)}: FROST(secp256k1, SHA-256), R uncompressed (cheapest);</li>
 * <li>{@code 0x03 || R(33, SEC1 compressed) || z(32)}: FROST as RFC 9591 serializes it.</li>
 * </ul>
 * Stateless.
 */
public final class PoolSignatureEncoding {
    public static final byte SCHEME_ECDSA = 1;
    public static final byte SCHEME_FROST = 2;
    public static final byte SCHEME_FROST_COMPRESSED = 3;

    private PoolSignatureEncoding() {
    }

    public static byte[] ecdsa(BigInteger r, BigInteger s, int v) {
        if (v != 27 && v != 28) {
            throw new IllegalArgumentException("v must be 27 or 28, got " + v);
        }
        byte[] out = new byte[66];
        out[0] = SCHEME_ECDSA;
        System.arraycopy(Numeric.toBytesPadded(r, 32), 0, out, 1, 32);
        System.arraycopy(Numeric.toBytesPadded(s, 32), 0, out, 33, 32);
        out[65] = (byte) v;
        return out;
    }

    public static byte[] frost(BigInteger rx, BigInteger ry, BigInteger z) {
        byte[] out = new byte[97];
        out[0] = SCHEME_FROST;
        System.arraycopy(Numeric.toBytesPadded(rx, 32), 0, out, 1, 32);
        System.arraycopy(Numeric.toBytesPadded(ry, 32), 0, out, 33, 32);
        System.arraycopy(Numeric.toBytesPadded(z, 32), 0, out, 65, 32);
        return out;
    }

    /** {@code rfc9591Signature} = R (33 bytes compressed) || z (32 bytes). */
    public static byte[] frostCompressed(byte[] rfc9591Signature) {
        if (rfc9591Signature.length != 65) {
            throw new IllegalArgumentException("an RFC 9591 secp256k1 signature is 65 bytes, got " + rfc9591Signature.length);
        }
        byte[] out = new byte[66];
        out[0] = SCHEME_FROST_COMPRESSED;
        System.arraycopy(rfc9591Signature, 0, out, 1, 65);
        return out;
    }
}
