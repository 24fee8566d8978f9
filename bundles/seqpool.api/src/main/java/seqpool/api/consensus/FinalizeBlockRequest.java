package seqpool.api.consensus;

import java.util.List;

import seqpool.api.common.Hash32;

/**
 * A committed block handed to the application: height, block id, transactions in order, and the misbehaviour
 * (equivocation evidence) committed in it, which the application punishes (e.g. slashing through L1).
 */
public record FinalizeBlockRequest(long height, Hash32 blockId, Block block, List<DuplicateVoteEvidence> misbehavior) {
    public FinalizeBlockRequest {
        if (height < 1 || blockId == null || block == null || misbehavior == null) {
            throw new IllegalArgumentException("height, block id, block and misbehavior are required");
        }
        misbehavior = List.copyOf(misbehavior);
    }
}
