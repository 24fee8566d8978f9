package seqpool.tss.frost;

import java.util.Set;
import java.util.TreeSet;

/** A FROST run failed because of the named participants (Shamir identifiers), e.g. invalid signature shares. */
public class FrostException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Set<Integer> culprits;

    public FrostException(String message, Set<Integer> culprits) {
        super(message + " (culprits: " + new TreeSet<>(culprits) + ")");
        this.culprits = Set.copyOf(culprits);
    }

    public Set<Integer> culprits() {
        return culprits;
    }
}
