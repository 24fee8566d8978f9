package seqpool.tss.frost;

import java.math.BigInteger;
import java.security.SecureRandom;

import seqpool.codec.crypto.Secp256k1Group;
import seqpool.tss.share.KeyShare;

/**
 * A participant's round-one secret nonces (d_i, e_i) and their public commitment (RFC 9591 §5.1).
 *
 * <p>Security: a nonce pair must sign at most once — {@link #consume()} hands the scalars out once and destroys them; a
 * second call fails. Callers that persist nonces must durably delete them before releasing the signature share.
 * {@code toString} is redacted.
 */
public final class SigningNonces {
    private BigInteger hiding;
    private BigInteger binding;
    private final SigningCommitment commitment;

    private SigningNonces(int identifier, BigInteger hiding, BigInteger binding) {
        this.hiding = hiding;
        this.binding = binding;
        this.commitment = new SigningCommitment(identifier, Secp256k1Group.mulG(hiding), Secp256k1Group.mulG(binding));
    }

    /** commit(sk_i) of RFC 9591 §5.1 with fresh randomness. */
    public static SigningNonces generate(KeyShare share, SecureRandom random) {
        byte[] r1 = new byte[32];
        byte[] r2 = new byte[32];
        random.nextBytes(r1);
        random.nextBytes(r2);
        try {
            return fromRandomness(share.identifier(), share.secret(), r1, r2);
        } finally {
            java.util.Arrays.fill(r1, (byte) 0);
            java.util.Arrays.fill(r2, (byte) 0);
        }
    }

    /** commit(sk_i) with given nonce randomness: for the RFC test vectors and for reloading stored nonces. */
    public static SigningNonces fromRandomness(int identifier, BigInteger secret, byte[] hidingRandom, byte[] bindingRandom) {
        return new SigningNonces(identifier, FrostCiphersuite.nonceGenerate(hidingRandom, secret),
                FrostCiphersuite.nonceGenerate(bindingRandom, secret));
    }

    /** Restores stored nonce scalars (decrypted from the store). */
    public static SigningNonces fromScalars(int identifier, BigInteger hiding, BigInteger binding) {
        return new SigningNonces(identifier, hiding, binding);
    }

    public SigningCommitment commitment() {
        return commitment;
    }

    /** The scalars d ‖ e (64 bytes) for encrypted storage; the caller zeroes the array. */
    public byte[] exportScalars() {
        if (hiding == null) {
            throw new IllegalStateException("nonces already used");
        }
        return seqpool.tss.math.HashToField.concat(Secp256k1Group.encodeScalar(hiding), Secp256k1Group.encodeScalar(binding));
    }

    /** Returns {d, e} once and destroys them. */
    BigInteger[] consume() {
        if (hiding == null) {
            throw new IllegalStateException("signing nonces already used: a nonce never signs twice");
        }
        BigInteger[] out = {hiding, binding};
        hiding = null;
        binding = null;
        return out;
    }

    public boolean isUsed() {
        return hiding == null;
    }

    public void destroy() {
        hiding = null;
        binding = null;
    }

    @Override
    public String toString() {
        return "SigningNonces[" + commitment.identifier() + ", <redacted>]";
    }
}
