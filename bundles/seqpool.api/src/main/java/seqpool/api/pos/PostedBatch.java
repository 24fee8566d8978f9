package seqpool.api.pos;

/**
 * A batch the pool committed as appended to L1 {@code BatchInbox} (from its confirmed {@code BatchAppended} event):
 * its index, its L2 range, and the L1 block that holds it (since 2.1). The L2 blocks up to {@code lastL2Block} are
 * <em>safe</em>; they are <em>finalized</em> once {@code l1Block} is final on L1.
 */
public record PostedBatch(long index, long firstL2Block, long lastL2Block, long l1Block) {
    public PostedBatch {
        if (index < 1 || firstL2Block < 0 || lastL2Block < firstL2Block || l1Block < 0) {
            throw new IllegalArgumentException("invalid posted batch " + index);
        }
    }
}
