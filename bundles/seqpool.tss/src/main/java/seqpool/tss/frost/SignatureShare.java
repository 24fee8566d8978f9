package seqpool.tss.frost;

import java.math.BigInteger;

import seqpool.tss.math.Secp256k1;

/** A participant's round-two signature share z_i (public once sent). */
public record SignatureShare(int identifier, BigInteger z) {
    public SignatureShare {
        if (identifier < 1 || z == null || z.signum() < 0 || z.compareTo(Secp256k1.N) >= 0) {
            throw new IllegalArgumentException("invalid signature share");
        }
    }
}
