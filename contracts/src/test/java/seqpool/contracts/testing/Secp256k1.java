package seqpool.contracts.testing;

import java.math.BigInteger;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.web3j.utils.Numeric;

/** secp256k1 constants and point helpers for tests (BouncyCastle). */
public final class Secp256k1 {
    public static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    public static final BigInteger N = CURVE.getN();
    public static final ECPoint G = CURVE.getG();

    private Secp256k1() {
    }

    public static ECPoint decode(byte[] encoded) {
        return CURVE.getCurve().decodePoint(encoded).normalize();
    }

    public static ECPoint fromPublicKey(BigInteger web3jPublicKey) {
        byte[] raw = Numeric.toBytesPadded(web3jPublicKey, 64);
        byte[] enc = new byte[65];
        enc[0] = 4;
        System.arraycopy(raw, 0, enc, 1, 64);
        return decode(enc);
    }

    /** 64-byte x || y. */
    public static byte[] pubkey64(ECPoint p) {
        byte[] enc = p.normalize().getEncoded(false);
        byte[] out = new byte[64];
        System.arraycopy(enc, 1, out, 0, 64);
        return out;
    }

    public static BigInteger x(ECPoint p) {
        return p.normalize().getAffineXCoord().toBigInteger();
    }

    public static BigInteger y(ECPoint p) {
        return p.normalize().getAffineYCoord().toBigInteger();
    }
}
