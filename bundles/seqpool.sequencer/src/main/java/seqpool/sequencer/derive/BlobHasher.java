package seqpool.sequencer.derive;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;

/** The EIP-4844 versioned hash of a blob: {@code 0x01 ‖ sha256(blob_to_kzg_commitment(blob))[1..32]}. */
@FunctionalInterface
public interface BlobHasher {
    /** @throws L1DataException when the bytes are not a blob (size, or a field element not below the modulus) */
    Hash32 versionedHash(Bytes blob) throws L1DataException;
}
