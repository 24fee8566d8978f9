package seqpool.tss.frost;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;

/**
 * What the coordinator sends in round two: the message and the signers' commitments, sorted by identifier, no
 * duplicates (RFC 9591 §5.2). Immutable; equal when the commitments and the message bytes are equal.
 */
public record SigningPackage(List<SigningCommitment> commitments, byte[] message) {
    public SigningPackage {
        if (commitments == null || commitments.isEmpty() || message == null) {
            throw new IllegalArgumentException("commitments and message are required");
        }
        List<SigningCommitment> sorted = new ArrayList<>(commitments);
        sorted.sort(Comparator.comparingInt(SigningCommitment::identifier));
        if (new HashSet<>(sorted.stream().map(SigningCommitment::identifier).toList()).size() != sorted.size()) {
            throw new IllegalArgumentException("duplicate signer in the commitment list");
        }
        commitments = List.copyOf(sorted);
        message = message.clone();
    }

    public List<Integer> signers() {
        return commitments.stream().map(SigningCommitment::identifier).toList();
    }

    @Override
    public byte[] message() {
        return message.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigningPackage p && commitments.equals(p.commitments) && Arrays.equals(message, p.message);
    }

    @Override
    public int hashCode() {
        return 31 * commitments.hashCode() + Arrays.hashCode(message);
    }

    @Override
    public String toString() {
        return "SigningPackage[commitments=" + commitments + ", message=" + HexFormat.of().formatHex(message) + "]";
    }

    public SigningCommitment commitmentOf(int identifier) {
        return commitments.stream().filter(c -> c.identifier() == identifier).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("identifier " + identifier + " is not a signer"));
    }
}
