package seqpool.tss.frost;

import java.math.BigInteger;

import seqpool.codec.crypto.Secp256k1Group;

/** A participant's round-two signature share z_i (public once sent). */
public record SignatureShare(int identifier, BigInteger z) {
    public SignatureShare {
        if (identifier < 1 || z == null || z.signum() < 0 || z.compareTo(Secp256k1Group.N) >= 0) {
            throw new IllegalArgumentException("invalid signature share");
        }
    }
}
