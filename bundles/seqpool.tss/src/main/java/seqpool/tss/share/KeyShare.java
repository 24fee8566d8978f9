package seqpool.tss.share;

import java.math.BigInteger;

import seqpool.codec.crypto.Secp256k1Group;

/**
 * One member's share of one generation of a threshold key: Shamir identifier i, secret x_i, the generation's
 * {@link PublicKeyPackage} and, if known, its {@link ConfirmationCertificate} (absent for shares stored before
 * certificates existed). Scheme-neutral: FROST signs with it today, threshold ECDSA will later.
 *
 * <p>Security: x_i never leaves this object except through {@link #secret()} for the signing math and
 * {@link #exportSecret()} for encrypted storage. {@code toString} is redacted; {@link #destroy()} drops the secret and
 * any later use fails. Not thread-safe for destroy-while-use.
 */
public final class KeyShare {
    private final int identifier;
    private final int generation;
    private final PublicKeyPackage publicKeys;
    private final ConfirmationCertificate certificate;
    private BigInteger secret;

    /** A share without a certificate; see {@link #KeyShare(int, int, BigInteger, PublicKeyPackage, ConfirmationCertificate)}. */
    public KeyShare(int identifier, int generation, BigInteger secret, PublicKeyPackage publicKeys) {
        this(identifier, generation, secret, publicKeys, null);
    }

    /**
     * Checks that x_i·G equals the public share X_i, so a corrupted or foreign share is rejected at once.
     *
     * @param certificate the generation's confirmations, or null if unknown
     */
    public KeyShare(int identifier, int generation, BigInteger secret, PublicKeyPackage publicKeys,
            ConfirmationCertificate certificate) {
        if (identifier < 1) {
            throw new IllegalArgumentException("identifiers are non-zero");
        }
        if (generation < 1) {
            throw new IllegalArgumentException("generation starts at 1");
        }
        if (secret == null || secret.signum() <= 0 || secret.compareTo(Secp256k1Group.N) >= 0) {
            throw new IllegalArgumentException("secret share out of range");
        }
        if (!Secp256k1Group.mulG(secret).equals(publicKeys.publicShare(identifier))) {
            throw new IllegalArgumentException("secret share does not match public share of identifier " + identifier);
        }
        this.identifier = identifier;
        this.generation = generation;
        this.secret = secret;
        this.publicKeys = publicKeys;
        this.certificate = certificate;
    }

    /** The generation's confirmation certificate, if this share knows it. */
    public java.util.Optional<ConfirmationCertificate> certificate() {
        return java.util.Optional.ofNullable(certificate);
    }

    public int identifier() {
        return identifier;
    }

    public int generation() {
        return generation;
    }

    public PublicKeyPackage publicKeys() {
        return publicKeys;
    }

    /** x_i, for the signing and resharing math only. */
    public BigInteger secret() {
        if (secret == null) {
            throw new IllegalStateException("key share destroyed");
        }
        return secret;
    }

    /** x_i as 32 bytes, for encryption at rest; the caller zeroes the array. */
    public byte[] exportSecret() {
        return Secp256k1Group.encodeScalar(secret());
    }

    public boolean isDestroyed() {
        return secret == null;
    }

    public void destroy() {
        secret = null;
    }

    @Override
    public String toString() {
        return "KeyShare[identifier=" + identifier + ", generation=" + generation + ", secret=<redacted>]";
    }
}
