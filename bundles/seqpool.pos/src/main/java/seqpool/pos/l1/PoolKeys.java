package seqpool.pos.l1;

import java.math.BigInteger;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;

import seqpool.api.common.Bytes;

/**
 * The pool key in its two encodings: 33 bytes SEC1 compressed (TSS) and 64 bytes x ‖ y (PoolKeyRegistry). Invalid
 * points are rejected.
 */
public final class PoolKeys {
    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");

    private PoolKeys() {
    }

    /** The compressed key of (x, y); an invalid point gives an empty value (matches no key). */
    public static Bytes compressed(BigInteger x, BigInteger y) {
        try {
            ECPoint pt = CURVE.getCurve().validatePoint(x, y);
            return Bytes.wrap(pt.getEncoded(true));
        } catch (IllegalArgumentException notOnCurve) {
            return Bytes.EMPTY;
        }
    }

    /**
     * A FROST signature R (33 bytes compressed) ‖ z (32 bytes), as RFC 9591 serializes it, in PoolKeyRegistry's
     * cheaper layout {@code 0x02 ‖ Rx ‖ Ry ‖ z} (R decompressed here, so L1 need not).
     */
    public static Bytes frostForL1(Bytes rfc9591) {
        if (rfc9591.size() != 65) {
            throw new IllegalArgumentException("a FROST(secp256k1) signature is 65 bytes, got " + rfc9591.size());
        }
        Bytes r = uncompressed64(rfc9591.slice(0, 33));
        return Bytes.of((byte) 2).concat(r).concat(rfc9591.slice(33, 65));
    }

    /** x ‖ y (64 bytes) of a compressed key. */
    public static Bytes uncompressed64(Bytes compressed) {
        ECPoint pt = CURVE.getCurve().decodePoint(compressed.toArray()).normalize();
        byte[] enc = pt.getEncoded(false);
        return Bytes.wrap(java.util.Arrays.copyOfRange(enc, 1, 65));
    }
}
