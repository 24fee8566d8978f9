package seqpool.consensus.wire;

import seqpool.api.common.Hash32;
import seqpool.api.consensus.Vote;
import seqpool.codec.eip712.ConsensusTypedData;
import seqpool.codec.eip712.Eip712Domain;

/** The EIP-712 digests (DESIGN.md §4) that votes and proposals are signed over, under one domain. Immutable. */
public record SigningDigests(Eip712Domain domain) {
    public Hash32 vote(Vote v) {
        return ConsensusTypedData.voteDigest(domain, v.kind().code(), v.height(), v.round(), v.blockId());
    }

    public Hash32 proposal(long height, int round, int validRound, Hash32 blockId) {
        return ConsensusTypedData.proposalDigest(domain, height, round, validRound, blockId);
    }
}
