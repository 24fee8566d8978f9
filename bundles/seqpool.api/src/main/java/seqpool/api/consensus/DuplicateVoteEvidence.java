package seqpool.api.consensus;

/**
 * Proof that one validator signed two different votes of the same kind for the same height and round. Both
 * signatures are EIP-712 signatures, so L1 can check the evidence itself. The constructor checks the shape (same
 * voter, kind, height, round; different block ids) and orders the pair canonically (smaller block id first); it does
 * not check signatures — receivers verify them before accepting evidence.
 */
public record DuplicateVoteEvidence(SignedVote first, SignedVote second) {
    public DuplicateVoteEvidence {
        if (first == null || second == null) {
            throw new IllegalArgumentException("two votes are required");
        }
        Vote a = first.vote();
        Vote b = second.vote();
        if (!a.voter().equals(b.voter()) || a.kind() != b.kind() || a.height() != b.height() || a.round() != b.round()) {
            throw new IllegalArgumentException("evidence votes must share voter, kind, height and round");
        }
        if (a.blockId().equals(b.blockId())) {
            throw new IllegalArgumentException("evidence votes must be for different block ids");
        }
        if (a.blockId().compareTo(b.blockId()) > 0) {
            SignedVote t = first;
            first = second;
            second = t;
        }
    }

    public long height() {
        return first.vote().height();
    }

    public seqpool.api.common.Address offender() {
        return first.vote().voter();
    }
}
