package seqpool.contracts.digest;

import java.math.BigInteger;
import java.util.Arrays;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.web3j.utils.Numeric;

/**
 * Byte layouts of a pool signature as the contracts take it (first byte = scheme):
 * <ul>
 * <li>{@code 0x01 || r(32) || s(32) || v(1)}: ECDSA over the digest, s ≤ n/2, v ∈ {27, 28};</li>
 * <li>{@code 0x02 || Rx(32) || Ry(32) || z(32)}: FROST(secp256k1, SHA-256), R uncompressed (cheapest; from an RFC 9591
 * signature with {@link #frostFromRfc9591});</li>
 * <li>{@code 0x03 || R(33, SEC1 compressed) || z(32)}: FROST as RFC 9591 serializes it.</li>
 * </ul>
 * Stateless.
 */
public final class PoolSignatureEncoding {
    public static final byte SCHEME_ECDSA = 1;
    public static final byte SCHEME_FROST = 2;
    public static final byte SCHEME_FROST_COMPRESSED = 3;

    private static final X9ECParameters SECP256K1 = CustomNamedCurves.getByName("secp256k1");

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

    /**
     * The cheaper {@code 0x02} layout of an RFC 9591 signature: R (33 bytes, SEC1 compressed) is decompressed on
     * secp256k1 so that the contract skips the square root (about 5,400 gas less than {@link #frostCompressed}).
     *
     * @throws IllegalArgumentException if the input is not 65 bytes, R is not a compressed point of secp256k1 (prefix
     *         other than 0x02/0x03, x ≥ p, or x³ + 7 without a square root), or z ≥ n; the message names the part
     */
    public static byte[] frostFromRfc9591(byte[] rfc9591Signature) {
        if (rfc9591Signature == null || rfc9591Signature.length != 65) {
            throw new IllegalArgumentException("an RFC 9591 secp256k1 signature is 65 bytes (R 33 || z 32), got "
                    + (rfc9591Signature == null ? "null" : rfc9591Signature.length));
        }
        byte prefix = rfc9591Signature[0];
        if (prefix != 2 && prefix != 3) {
            throw new IllegalArgumentException(String.format(
                    "invalid FROST signature: R must be SEC1-compressed (prefix 0x02 or 0x03), got prefix 0x%02x", prefix));
        }
        BigInteger rx = new BigInteger(1, Arrays.copyOfRange(rfc9591Signature, 1, 33));
        if (rx.compareTo(SECP256K1.getCurve().getField().getCharacteristic()) >= 0) {
            throw new IllegalArgumentException("invalid FROST signature: R's x coordinate is not below the field prime p");
        }
        ECPoint r;
        try {
            r = SECP256K1.getCurve().decodePoint(Arrays.copyOfRange(rfc9591Signature, 0, 33)).normalize();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid FROST signature: R (x = 0x" + rx.toString(16)
                    + ") is not a point of secp256k1 (" + e.getMessage() + ")", e);
        }
        BigInteger z = new BigInteger(1, Arrays.copyOfRange(rfc9591Signature, 33, 65));
        if (z.compareTo(SECP256K1.getN()) >= 0) {
            throw new IllegalArgumentException("invalid FROST signature: z is not below the group order n");
        }
        return frost(r.getAffineXCoord().toBigInteger(), r.getAffineYCoord().toBigInteger(), z);
    }
}
