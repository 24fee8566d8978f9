package seqpool.contracts.testing;

import java.math.BigInteger;

import org.bouncycastle.math.ec.ECPoint;
import org.web3j.utils.Numeric;

import seqpool.codec.crypto.Secp256k1Group;

/**
 * secp256k1 points as web3j and the Solidity verifiers see them: any SEC1 encoding, web3j's 64-byte public key
 * integer, x ‖ y, affine coordinates. The curve itself (n, G, the group operations) is
 * {@link seqpool.codec.crypto.Secp256k1Group}.
 */
public final class CurvePoints {
    private CurvePoints() {
    }

    /** Any SEC1 encoding (compressed or uncompressed), not checked further: test inputs only. */
    public static ECPoint decode(byte[] encoded) {
        return Secp256k1Group.CURVE.decodePoint(encoded).normalize();
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
