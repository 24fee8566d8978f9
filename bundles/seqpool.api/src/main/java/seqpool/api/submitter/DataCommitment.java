package seqpool.api.submitter;

import java.util.List;

import seqpool.api.common.Hash32;

/**
 * How the batch data reached L1: {@code CALLDATA} with the keccak-256 of the data, or {@code BLOB} with the EIP-4844
 * versioned hashes of its blobs (checked on L1 with {@code blobhash}).
 *
 * <p>The most blobs one transaction may carry is a fork parameter of L1 (Cancun 6, Prague 9), so this record does not
 * bound it (since package version 1.1; 1.0 refused more than 6): the submitter's configuration does.
 */
public record DataCommitment(Kind kind, List<Hash32> hashes) {
    public enum Kind {
        CALLDATA, BLOB;

        /** BatchInbox's {@code dataKind}: 0 calldata, 1 blobs (in the digest, the call and the event). */
        public int inboxCode() {
            return this == BLOB ? 1 : 0;
        }

        /** The kind of a BatchInbox {@code dataKind}; anything but 0 or 1 is not a kind. */
        public static Kind ofInboxCode(long code) {
            if (code == 0 || code == 1) {
                return code == 1 ? BLOB : CALLDATA;
            }
            throw new IllegalArgumentException("BatchInbox dataKind is 0 (calldata) or 1 (blobs), got " + code);
        }
    }

    public DataCommitment {
        hashes = List.copyOf(hashes);
        if (kind == null || hashes.isEmpty() || (kind == Kind.CALLDATA && hashes.size() != 1)) {
            throw new IllegalArgumentException("calldata has one hash, blobs at least one versioned hash");
        }
    }
}
