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

    /** x ‖ y (64 bytes) of a compressed key. */
    public static Bytes uncompressed64(Bytes compressed) {
        ECPoint pt = CURVE.getCurve().decodePoint(compressed.toArray()).normalize();
        byte[] enc = pt.getEncoded(false);
        return Bytes.wrap(java.util.Arrays.copyOfRange(enc, 1, 65));
    }
}
