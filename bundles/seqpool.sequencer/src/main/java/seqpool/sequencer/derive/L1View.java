package seqpool.sequencer.derive;

import java.util.List;
import java.util.Optional;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;

/** What derivation reads from L1 besides the logs: batch transactions and their blobs. */
public interface L1View {
    /** A batch transaction: its recipient (empty for a deployment), input and EIP-4844 versioned hashes. */
    record BatchTransaction(Optional<Address> to, Bytes input, List<Hash32> blobVersionedHashes) {
        public BatchTransaction {
            blobVersionedHashes = List.copyOf(blobVersionedHashes);
        }
    }

    BatchTransaction transaction(Hash32 hash) throws L1DataException;

    /**
     * The blobs the blob source serves for the transactions of L1 block {@code l1Block}, at least those with the
     * {@code wanted} versioned hashes if it has them, in any order and unverified (the caller checks each).
     */
    List<Bytes> blobs(long l1Block, List<Hash32> wanted) throws L1DataException;
}
