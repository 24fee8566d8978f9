package seqpool.api.submitter;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;

/**
 * A range of L2 blocks in the batch format: {@code data} is what L1 carries (as calldata, or packed into blobs),
 * {@code version ‖ compression id ‖ compressed RLP}. {@code rawSize} is the size of the RLP before compression;
 * {@code blockHashes} is the commitment to the blocks' hashes that {@link BatchHeader#blockHashes()} carries, and
 * {@code postStateRoot} the state root of the last block.
 */
public record EncodedBatch(long firstL2Block, long lastL2Block, BatchCompression compression, int rawSize,
        Hash32 blockHashes, Hash32 postStateRoot, Bytes data) {
    public EncodedBatch {
        if (firstL2Block < 0 || lastL2Block < firstL2Block || compression == null || rawSize <= 0
                || blockHashes == null || postStateRoot == null || data == null || data.size() < 3) {
            throw new IllegalArgumentException("invalid encoded batch " + firstL2Block + ".." + lastL2Block);
        }
    }

    public int blockCount() {
        return Math.toIntExact(lastL2Block - firstL2Block + 1);
    }
}
