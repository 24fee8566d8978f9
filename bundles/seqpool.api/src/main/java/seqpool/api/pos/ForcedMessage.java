package seqpool.api.pos;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;

/**
 * An L2 transaction a user enqueued on L1 ({@code ForcedInclusionQueue.enqueue}), as the pool committed it:
 * {@code index} is the queue's (0, 1, 2, ...), {@code l1Block} and {@code l1TxHash} locate the enqueue on L1,
 * {@code transaction} is the raw signed L2 transaction as enqueued (not checked: it may be undecodable or invalid),
 * {@code dueL2Block} is the L2 block by which the chain must have consumed it (the committed L2 head when the pool
 * committed it, plus the pool's {@code forcedInclusionBlocks}), and {@code included} says whether committed L2
 * progress already covers the block that consumed it (docs/pos.md, "Forced inclusion").
 */
public record ForcedMessage(long index, long l1Block, Hash32 l1TxHash, Bytes transaction, long dueL2Block,
        boolean included) {
    public ForcedMessage {
        if (index < 0 || l1Block < 0 || l1TxHash == null || transaction == null || dueL2Block < 0) {
            throw new IllegalArgumentException("invalid forced message " + index);
        }
    }
}
