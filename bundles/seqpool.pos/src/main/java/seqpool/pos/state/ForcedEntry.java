package seqpool.pos.state;

import seqpool.api.common.Hash32;

/**
 * A committed forced-inclusion message that committed L2 progress does not cover yet: the L2 block by which the chain
 * must have consumed it and the keccak-256 of its transaction (the transaction itself is in the store's forced log).
 */
public record ForcedEntry(long dueL2Block, Hash32 txHash) {
    public ForcedEntry {
        if (dueL2Block < 0 || txHash == null) {
            throw new IllegalArgumentException("invalid forced entry");
        }
    }
}
