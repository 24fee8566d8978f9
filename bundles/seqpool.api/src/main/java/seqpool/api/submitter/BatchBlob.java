package seqpool.api.submitter;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;

/**
 * One EIP-4844 blob of a batch with its sidecar: the blob (131,072 bytes), its KZG commitment and proof (48 bytes
 * each) and its versioned hash ({@code 0x01 ‖ sha256(commitment)[1..32]}), which L1 exposes as {@code blobhash(i)}.
 */
public record BatchBlob(Bytes blob, Bytes commitment, Bytes proof, Hash32 versionedHash) {
    public static final int BYTES_PER_BLOB = 131_072;
    public static final int BYTES_PER_COMMITMENT = 48;
    public static final int BYTES_PER_PROOF = 48;

    public BatchBlob {
        if (blob == null || blob.size() != BYTES_PER_BLOB || commitment == null
                || commitment.size() != BYTES_PER_COMMITMENT || proof == null || proof.size() != BYTES_PER_PROOF
                || versionedHash == null || versionedHash.value().get(0) != 1) {
            throw new IllegalArgumentException("a blob is 131072 bytes with a 48-byte commitment and proof and a "
                    + "version-1 hash");
        }
    }
}
