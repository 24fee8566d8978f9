package seqpool.api.submitter;

import java.util.List;

import seqpool.api.common.Hash32;

/**
 * How the batch data reached L1: {@code CALLDATA} with the keccak-256 of the data, or {@code BLOB} with the EIP-4844
 * versioned hashes of its blobs (checked on L1 with {@code blobhash}).
 */
public record DataCommitment(Kind kind, List<Hash32> hashes) {
    public enum Kind {
        CALLDATA, BLOB
    }

    public DataCommitment {
        hashes = List.copyOf(hashes);
        if (kind == null || hashes.isEmpty() || (kind == Kind.CALLDATA && hashes.size() != 1) || hashes.size() > 6) {
            throw new IllegalArgumentException("calldata has one hash, blobs 1..6 versioned hashes");
        }
    }
}
