package seqpool.tss.frost;

import java.math.BigInteger;
import java.util.Arrays;

import org.bouncycastle.math.ec.ECPoint;

import seqpool.tss.math.HashToField;
import seqpool.tss.math.InvalidEncodingException;
import seqpool.tss.math.Secp256k1;

/** A Schnorr signature (R, z), encoded SerializeElement(R) ‖ SerializeScalar(z), 65 bytes (RFC 9591 §6.5). */
public record FrostSignature(ECPoint r, BigInteger z) {
    public FrostSignature {
        if (r == null || r.isInfinity() || z == null || z.signum() < 0 || z.compareTo(Secp256k1.N) >= 0) {
            throw new IllegalArgumentException("invalid signature");
        }
        r = r.normalize();
    }

    public byte[] encode() {
        return HashToField.concat(Secp256k1.encode(r), Secp256k1.encodeScalar(z));
    }

    public static FrostSignature decode(byte[] b) throws InvalidEncodingException {
        if (b.length != 65) {
            throw new InvalidEncodingException("a signature is 65 bytes");
        }
        return new FrostSignature(Secp256k1.decode(Arrays.copyOfRange(b, 0, 33)),
                Secp256k1.decodeScalar(Arrays.copyOfRange(b, 33, 65)));
    }
}
