package seqpool.consensus.node;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import seqpool.api.common.Address;
import seqpool.api.consensus.CommittedBlock;
import seqpool.api.consensus.DuplicateVoteEvidence;
import seqpool.api.consensus.SignedVote;
import seqpool.api.consensus.ValidatorSet;
import seqpool.consensus.wire.SignedProposal;
import seqpool.consensus.wire.SigningDigests;

/**
 * Authenticity checks run before a message touches state. Each returns the reason for rejection (naming the
 * culprit) or empty when the message is authentic. Stateless apart from the digests and verifier.
 */
final class MessageChecks {
    private final SigningDigests digests;
    private final SignatureVerifier verifier;

    MessageChecks(SigningDigests digests, SignatureVerifier verifier) {
        this.digests = digests;
        this.verifier = verifier;
    }

    Optional<String> vote(SignedVote sv, ValidatorSet validators) {
        Address voter = sv.vote().voter();
        if (validators.powerOf(voter) == 0) {
            return Optional.of("vote from " + voter + ", not a validator at height " + sv.vote().height());
        }
        if (!verifier.verify(digests.vote(sv.vote()), sv.signature(), voter)) {
            return Optional.of("bad signature on " + sv.vote().kind() + " from " + voter);
        }
        return Optional.empty();
    }

    Optional<String> proposal(SignedProposal p, Address expectedProposer) {
        if (!p.proposer().equals(expectedProposer)) {
            return Optional.of("proposal for " + p.height() + "/" + p.round() + " from " + p.proposer()
                    + ", but the proposer is " + expectedProposer);
        }
        if (!verifier.verify(digests.proposal(p.height(), p.round(), p.validRound(), p.blockId()), p.signature(), p.proposer())) {
            return Optional.of("bad signature on proposal from " + p.proposer());
        }
        return Optional.empty();
    }

    Optional<String> evidence(DuplicateVoteEvidence e, ValidatorSet validators) {
        Optional<String> a = vote(e.first(), validators);
        return a.isPresent() ? a : vote(e.second(), validators);
    }

    /** The certificate's precommits are signed by distinct validators holding more than 2/3 of the power. */
    Optional<String> certificate(CommittedBlock b, ValidatorSet validators) {
        long power = 0;
        Set<Address> seen = new HashSet<>();
        for (SignedVote sv : b.certificate().precommits()) {
            Optional<String> bad = vote(sv, validators);
            if (bad.isPresent()) {
                return Optional.of("commit certificate of height " + b.height() + ": " + bad.get());
            }
            if (seen.add(sv.vote().voter())) {
                power += validators.powerOf(sv.vote().voter());
            }
        }
        if (3 * power <= 2 * validators.totalPower()) {
            return Optional.of("commit certificate of height " + b.height() + " has only " + power + " of "
                    + validators.totalPower() + " voting power");
        }
        return Optional.empty();
    }
}
