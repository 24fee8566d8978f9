package seqpool.api.consensus;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;

/**
 * An unsigned vote: the EIP-712 {@code Vote(uint8 kind,uint64 height,uint32 round,bytes32 blockId)} plus the voter.
 * {@code blockId} is {@link Hash32#ZERO} for nil. Height ≥ 1, round ≥ 0. Immutable.
 */
public record Vote(VoteKind kind, long height, int round, Hash32 blockId, Address voter) {
    public Vote {
        if (kind == null || blockId == null || voter == null) {
            throw new IllegalArgumentException("kind, blockId and voter are required");
        }
        if (height < 1 || round < 0) {
            throw new IllegalArgumentException("height must be >= 1 and round >= 0, got " + height + "/" + round);
        }
    }

    public boolean isNil() {
        return blockId.isZero();
    }
}
