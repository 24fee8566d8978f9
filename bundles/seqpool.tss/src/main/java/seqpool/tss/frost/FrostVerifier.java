package seqpool.tss.frost;

import java.math.BigInteger;

import org.bouncycastle.math.ec.ECPoint;

import seqpool.codec.crypto.Secp256k1Group;
import seqpool.tss.math.HashToField;

/** RFC 9591 §6.5 / Appendix B verify_signature: z·G == R + c·X with c = H2(R ‖ X ‖ m). */
public final class FrostVerifier {
    private FrostVerifier() {
    }

    public static boolean verify(ECPoint groupKey, byte[] message, FrostSignature sig) {
        BigInteger c = FrostCiphersuite.h2(HashToField.concat(Secp256k1Group.encode(sig.r()), Secp256k1Group.encode(groupKey), message));
        ECPoint lhs = Secp256k1Group.mulG(sig.z());
        ECPoint rhs = sig.r().add(groupKey.multiply(c)).normalize();
        return lhs.equals(rhs);
    }
}
