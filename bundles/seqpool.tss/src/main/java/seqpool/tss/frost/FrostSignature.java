package seqpool.tss.frost;

import java.math.BigInteger;
import java.util.Arrays;

import org.bouncycastle.math.ec.ECPoint;

import seqpool.codec.crypto.InvalidEncodingException;
import seqpool.codec.crypto.Secp256k1Group;
import seqpool.tss.math.HashToField;

/** A Schnorr signature (R, z), encoded SerializeElement(R) ‖ SerializeScalar(z), 65 bytes (RFC 9591 §6.5). */
public record FrostSignature(ECPoint r, BigInteger z) {
    public FrostSignature {
        if (r == null || r.isInfinity() || z == null || z.signum() < 0 || z.compareTo(Secp256k1Group.N) >= 0) {
            throw new IllegalArgumentException("invalid signature");
        }
        r = r.normalize();
    }

    public byte[] encode() {
        return HashToField.concat(Secp256k1Group.encode(r), Secp256k1Group.encodeScalar(z));
    }

    public static FrostSignature decode(byte[] b) throws InvalidEncodingException {
        if (b.length != 65) {
            throw new InvalidEncodingException("a signature is 65 bytes");
        }
        return new FrostSignature(Secp256k1Group.decode(Arrays.copyOfRange(b, 0, 33)),
                Secp256k1Group.decodeScalar(Arrays.copyOfRange(b, 33, 65)));
    }
}
