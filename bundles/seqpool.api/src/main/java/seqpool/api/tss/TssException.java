package seqpool.api.tss;

import java.util.Set;
import java.util.TreeSet;

import seqpool.api.common.Address;

/**
 * A threshold protocol run failed. {@link #culprits()} names the parties proven to have misbehaved (bad share, bad
 * proof, wrong signature share, equivocation) or, for {@link Kind#TIMEOUT}, the parties that did not answer; it is empty
 * when nobody can be blamed (e.g. a local storage failure). Culprits feed exclusion and slashing.
 */
public class TssException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the run failed. */
    public enum Kind {
        /** A party sent something provably wrong. */
        MISBEHAVIOUR,
        /** Some parties did not answer in time. */
        TIMEOUT,
        /** The request itself is invalid here (unknown key, not a member, too few signers, wrong state). */
        INVALID_REQUEST,
        /** Local failure: storage, wrong passphrase. */
        LOCAL
    }

    private final Kind kind;
    private final Set<Address> culprits;

    public TssException(Kind kind, String message, Set<Address> culprits) {
        super(message + (culprits.isEmpty() ? "" : " (culprits: " + new TreeSet<>(culprits) + ")"));
        this.kind = kind;
        this.culprits = Set.copyOf(culprits);
    }

    public TssException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.culprits = Set.of();
    }

    public Kind kind() {
        return kind;
    }

    public Set<Address> culprits() {
        return culprits;
    }
}
