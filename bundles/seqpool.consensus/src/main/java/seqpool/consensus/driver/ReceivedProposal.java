package seqpool.consensus.driver;

import seqpool.api.common.Hash32;
import seqpool.api.consensus.Block;
import seqpool.consensus.wire.SignedProposal;

/** A proposal from the round's proposer, its block, the block's id and valid(v) as the node judged it. */
public record ReceivedProposal(SignedProposal proposal, Block block, Hash32 blockId, boolean valid) {
    public ReceivedProposal {
        if (!proposal.blockId().equals(blockId)) {
            throw new IllegalArgumentException("proposal block id does not match its block");
        }
    }
}
