package seqpool.tss.vss;

import java.math.BigInteger;
import java.security.SecureRandom;

import org.bouncycastle.math.ec.ECPoint;

import seqpool.codec.crypto.Secp256k1Group;
import seqpool.tss.frost.FrostCiphersuite;
import seqpool.tss.math.HashToField;

/**
 * Chaum–Pedersen proof that log_G(P) = log_H(K): an accuser reveals its ECDH key K = e·H with the dealer's key H and
 * proves it used its own published key P = e·G, so everybody can decrypt the disputed share and judge the complaint.
 * c = HDKG("dleq" ‖ context ‖ P ‖ H ‖ K ‖ A1 ‖ A2), s = r + c·e.
 */
public record DleqProof(BigInteger c, BigInteger s) {
    private static final byte[] TAG = "seqpool-dleq".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    static BigInteger challenge(byte[] ctx, ECPoint p, ECPoint h, ECPoint k, ECPoint a1, ECPoint a2) {
        return FrostCiphersuite.hdkg(HashToField.concat(TAG, ctx, Secp256k1Group.encode(p), Secp256k1Group.encode(h),
                Secp256k1Group.encode(k), Secp256k1Group.encode(a1), Secp256k1Group.encode(a2)));
    }

    public static DleqProof prove(byte[] ctx, BigInteger e, ECPoint p, ECPoint h, ECPoint k, SecureRandom random) {
        BigInteger r = Secp256k1Group.randomScalar(random);
        ECPoint a1 = Secp256k1Group.mulG(r);
        ECPoint a2 = Secp256k1Group.mulSecret(h, r);
        BigInteger c = challenge(ctx, p, h, k, a1, a2);
        return new DleqProof(c, r.add(c.multiply(e)).mod(Secp256k1Group.N));
    }

    public boolean verify(byte[] ctx, ECPoint p, ECPoint h, ECPoint k) {
        ECPoint a1 = Secp256k1Group.mulG(s).subtract(p.multiply(c)).normalize();
        ECPoint a2 = h.multiply(s).subtract(k.multiply(c)).normalize();
        if (a1.isInfinity() || a2.isInfinity()) {
            return false;
        }
        return challenge(ctx, p, h, k, a1, a2).equals(c);
    }
}
