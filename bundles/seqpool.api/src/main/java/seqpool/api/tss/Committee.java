package seqpool.api.tss;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import seqpool.api.common.Address;

/**
 * The holders of one generation of a key and the number of signers required. Members are kept in ascending address
 * order; a member's Shamir identifier is its 1-based position in that order ({@link #identifierOf}), so identifiers are
 * non-zero and distinct. Immutable.
 *
 * @param members   distinct signer addresses, at least one
 * @param threshold the number of signers required, {@code 1 <= threshold <= members.size()}
 */
public record Committee(List<Address> members, int threshold) {
    public static final int MAX_MEMBERS = 255;

    public Committee {
        if (members == null || members.isEmpty() || members.size() > MAX_MEMBERS) {
            throw new IllegalArgumentException("a committee has 1.." + MAX_MEMBERS + " members");
        }
        if (new HashSet<>(members).size() != members.size()) {
            throw new IllegalArgumentException("committee members must be distinct");
        }
        if (threshold < 1 || threshold > members.size()) {
            throw new IllegalArgumentException("threshold " + threshold + " outside 1.." + members.size());
        }
        List<Address> sorted = new ArrayList<>(members);
        sorted.sort(null);
        members = List.copyOf(sorted);
    }

    public int size() {
        return members.size();
    }

    public boolean contains(Address a) {
        return members.contains(a);
    }

    /** The Shamir identifier (1-based) of a member. */
    public int identifierOf(Address member) {
        int i = members.indexOf(member);
        if (i < 0) {
            throw new IllegalArgumentException(member + " is not a committee member");
        }
        return i + 1;
    }

    /** The member with the given identifier. */
    public Address memberOf(int identifier) {
        if (identifier < 1 || identifier > members.size()) {
            throw new IllegalArgumentException("no member with identifier " + identifier);
        }
        return members.get(identifier - 1);
    }
}
