package seqpool.api.consensus;

import java.util.HashSet;
import java.util.List;

import seqpool.api.common.Hash32;

/**
 * The precommits that committed a block: signed precommits for {@code blockId} at ({@code height}, {@code round}) whose
 * voters hold more than 2/3 of the voting power of that height's validator set. The constructor checks the shape
 * (matching votes, distinct voters); signature and power checks need the validator set and are done by the engine.
 */
public record CommitCertificate(long height, int round, Hash32 blockId, List<SignedVote> precommits) {
    public CommitCertificate {
        if (blockId == null || precommits == null || precommits.isEmpty() || blockId.isZero()) {
            throw new IllegalArgumentException("a commit certificate needs a block id and precommits");
        }
        HashSet<Object> voters = new HashSet<>();
        for (SignedVote sv : precommits) {
            Vote v = sv.vote();
            if (v.kind() != VoteKind.PRECOMMIT || v.height() != height || v.round() != round || !v.blockId().equals(blockId)) {
                throw new IllegalArgumentException("certificate vote of " + v.voter() + " does not match " + height + "/" + round);
            }
            if (!voters.add(v.voter())) {
                throw new IllegalArgumentException("duplicate precommit of " + v.voter() + " in certificate");
            }
        }
        precommits = List.copyOf(precommits);
    }
}
