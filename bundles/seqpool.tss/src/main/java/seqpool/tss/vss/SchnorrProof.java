package seqpool.tss.vss;

import java.math.BigInteger;
import java.security.SecureRandom;

import org.bouncycastle.math.ec.ECPoint;

import seqpool.codec.crypto.Secp256k1Group;
import seqpool.tss.frost.FrostCiphersuite;
import seqpool.tss.math.HashToField;

/**
 * A Schnorr proof of knowledge of a with A = a·G (the FROST paper's DKG round one, ZF frost's encoding):
 * R = k·G, c = HDKG(context ‖ id ‖ A ‖ R), μ = k + a·c; verify R == μ·G − c·A. The context binds the session id
 * (empty context = ZF frost's challenge, for its vectors). Encoded R (33) ‖ μ (32).
 */
public record SchnorrProof(ECPoint r, BigInteger mu) {
    public SchnorrProof {
        if (r == null || r.isInfinity() || mu == null || mu.signum() < 0 || mu.compareTo(Secp256k1Group.N) >= 0) {
            throw new IllegalArgumentException("invalid proof");
        }
        r = r.normalize();
    }

    static BigInteger challenge(byte[] context, int identifier, ECPoint a, ECPoint r) {
        return FrostCiphersuite.hdkg(HashToField.concat(context, Secp256k1Group.encodeScalar(BigInteger.valueOf(identifier)),
                Secp256k1Group.encode(a), Secp256k1Group.encode(r)));
    }

    public static SchnorrProof prove(byte[] context, int identifier, BigInteger secret, ECPoint a, SecureRandom random) {
        BigInteger k = Secp256k1Group.randomScalar(random);
        ECPoint r = Secp256k1Group.mulG(k);
        BigInteger c = challenge(context, identifier, a, r);
        return new SchnorrProof(r, k.add(secret.multiply(c)).mod(Secp256k1Group.N));
    }

    public boolean verify(byte[] context, int identifier, ECPoint a) {
        BigInteger c = challenge(context, identifier, a, r);
        ECPoint expected = Secp256k1Group.mulG(mu).subtract(a.multiply(c)).normalize();
        return expected.equals(r);
    }

    public byte[] encode() {
        return HashToField.concat(Secp256k1Group.encode(r), Secp256k1Group.encodeScalar(mu));
    }

    public static SchnorrProof decode(byte[] b) throws seqpool.codec.crypto.InvalidEncodingException {
        if (b.length != 65) {
            throw new seqpool.codec.crypto.InvalidEncodingException("a proof is 65 bytes");
        }
        return new SchnorrProof(Secp256k1Group.decode(java.util.Arrays.copyOfRange(b, 0, 33)),
                Secp256k1Group.decodeScalar(java.util.Arrays.copyOfRange(b, 33, 65)));
    }
}
