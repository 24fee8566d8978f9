package seqpool.api.consensus;

import seqpool.api.common.Hash32;

/** A block as committed: the block, its id and the commit certificate that proves it. Immutable. */
public record CommittedBlock(Block block, Hash32 blockId, CommitCertificate certificate) {
    public CommittedBlock {
        if (block == null || blockId == null || certificate == null) {
            throw new IllegalArgumentException("block, id and certificate are required");
        }
        if (!certificate.blockId().equals(blockId) || certificate.height() != block.height()) {
            throw new IllegalArgumentException("certificate does not certify block " + blockId + " at " + block.height());
        }
    }

    public long height() {
        return block.height();
    }
}
