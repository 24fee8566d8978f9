package seqpool.tss.frost;

import org.bouncycastle.math.ec.ECPoint;

import seqpool.codec.crypto.InvalidEncodingException;
import seqpool.codec.crypto.Secp256k1Group;

/** A participant's round-one commitment (D_i, E_i) = (hiding, binding) nonce commitments. Immutable. */
public record SigningCommitment(int identifier, ECPoint hiding, ECPoint binding) {
    public static final int ENCODED_BYTES = 32 + 2 * Secp256k1Group.ELEMENT_BYTES;

    public SigningCommitment {
        if (identifier < 1) {
            throw new IllegalArgumentException("identifiers are non-zero");
        }
        if (hiding == null || binding == null || hiding.isInfinity() || binding.isInfinity()) {
            throw new IllegalArgumentException("nonce commitments must be non-identity points");
        }
        hiding = hiding.normalize();
        binding = binding.normalize();
    }

    /** SerializeScalar(identifier) ‖ SerializeElement(D) ‖ SerializeElement(E) (RFC 9591 §4.3). */
    public byte[] encode() {
        return seqpool.tss.math.HashToField.concat(Secp256k1Group.encodeScalar(java.math.BigInteger.valueOf(identifier)),
                Secp256k1Group.encode(hiding), Secp256k1Group.encode(binding));
    }

    public static SigningCommitment decode(byte[] b) throws InvalidEncodingException {
        if (b.length != ENCODED_BYTES) {
            throw new InvalidEncodingException("a signing commitment is " + ENCODED_BYTES + " bytes");
        }
        java.math.BigInteger id = Secp256k1Group.decodeScalar(java.util.Arrays.copyOfRange(b, 0, 32));
        if (id.signum() == 0 || id.bitLength() > 16) {
            throw new InvalidEncodingException("identifier out of range");
        }
        return new SigningCommitment(id.intValue(), Secp256k1Group.decode(java.util.Arrays.copyOfRange(b, 32, 65)),
                Secp256k1Group.decode(java.util.Arrays.copyOfRange(b, 65, 98)));
    }
}
