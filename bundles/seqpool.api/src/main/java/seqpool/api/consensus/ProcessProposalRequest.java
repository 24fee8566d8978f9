package seqpool.api.consensus;

import seqpool.api.common.Hash32;

/** A proposed block this validator must judge before it prevotes: the block and its id, at {@code round}. */
public record ProcessProposalRequest(long height, int round, Hash32 blockId, Block block) {
    public ProcessProposalRequest {
        if (height < 1 || round < 0 || blockId == null || block == null || block.height() != height) {
            throw new IllegalArgumentException("invalid processProposal request at height " + height);
        }
    }
}
