package seqpool.tss.frost;

import java.util.Set;

/**
 * A signing package cannot be used (RFC 9591 §5.2: the checks a participant makes before signing). The package is
 * peer input, so this is a checked error: {@link #culprits()} are the identifiers whose commitments make it unusable
 * (a signer outside the generation). When no commitment is at fault ({@link Reason#NOT_MY_COMMITMENT},
 * {@link Reason#TOO_FEW_SIGNERS}, {@link Reason#IDENTITY_GROUP_COMMITMENT}) the culprit is whoever assembled the
 * package (RFC 9591's coordinator): the caller knows who sent it and names it.
 */
public final class InvalidSigningPackageException extends FrostException {
    private static final long serialVersionUID = 1L;

    /** What is wrong with the package. */
    public enum Reason {
        /** The package lacks this signer's commitment or carries another one for its identifier. */
        NOT_MY_COMMITMENT,
        /** Fewer commitments than the generation's threshold. */
        TOO_FEW_SIGNERS,
        /** A commitment under an identifier that holds no share of the generation (named in the culprits). */
        UNKNOWN_SIGNER,
        /** The commitments sum to the identity (RFC 9591 §4.5 forbids it). */
        IDENTITY_GROUP_COMMITMENT
    }

    private final Reason reason;

    public InvalidSigningPackageException(Reason reason, String message, Set<Integer> culprits) {
        super("invalid signing package (" + reason + "): " + message, culprits);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
