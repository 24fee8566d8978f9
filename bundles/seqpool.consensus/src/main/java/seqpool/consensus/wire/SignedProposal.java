package seqpool.consensus.wire;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;
import seqpool.api.identity.EcdsaSignature;

/**
 * A proposal (EIP-712 {@code Proposal(uint64 height,uint32 round,int32 validRound,bytes32 blockId)}) with the
 * proposer's address and signature. The block travels beside it in {@link ConsensusMessage.ProposalMsg}.
 */
public record SignedProposal(long height, int round, int validRound, Hash32 blockId, Address proposer, EcdsaSignature signature) {
    public SignedProposal {
        if (height < 1 || round < 0 || validRound < -1 || validRound >= round && validRound != -1) {
            throw new IllegalArgumentException("proposal needs height >= 1, round >= 0, -1 <= validRound < round");
        }
        if (blockId == null || blockId.isZero() || proposer == null || signature == null) {
            throw new IllegalArgumentException("proposal needs a non-nil block id, a proposer and a signature");
        }
    }
}
