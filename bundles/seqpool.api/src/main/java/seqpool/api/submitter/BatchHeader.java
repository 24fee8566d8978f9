package seqpool.api.submitter;

import seqpool.api.common.Hash32;

/**
 * The header of a batch as L1 BatchInbox checks it: contiguous with the previous batch ({@code batchIndex} and
 * {@code firstL2Block} follow on), signed by the pool. {@code blockHashes} commits to the L2 block hashes of the range.
 */
public record BatchHeader(long batchIndex, long firstL2Block, long lastL2Block, Hash32 blockHashes, Hash32 postStateRoot,
        DataCommitment data) {
    public BatchHeader {
        if (batchIndex < 0 || firstL2Block < 0 || lastL2Block < firstL2Block || blockHashes == null
                || postStateRoot == null || data == null) {
            throw new IllegalArgumentException("invalid batch header " + batchIndex);
        }
    }
}
