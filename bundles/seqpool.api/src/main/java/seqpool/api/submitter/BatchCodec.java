package seqpool.api.submitter;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import seqpool.api.common.Bytes;
import seqpool.api.sequencer.L2Block;

/**
 * The batch format (docs/batches.md): turns a range of L2 blocks into the data a batch posts to L1, as calldata or
 * EIP-4844 blobs, and back. Encoding is for the submitter and for every signer that re-derives a proposed batch from
 * its own chain; decoding is for signers and for {@code seqpool derive}, which rebuild the chain from L1 alone.
 *
 * <p>Decoding is strict: anything but exactly the format (known version and compression, canonical RLP, no trailing
 * bytes, within the decompression bound, blocks numbered in order whose recomputed hashes link and whose producer
 * signatures recover to the named producer) is a {@link BatchFormatException}. Who may produce a block (the
 * epoch assignment) is not the codec's business: the caller checks it.
 *
 * <p>Compressed bytes depend on the compressor's version; two nodes re-deriving a batch should compare the decoded
 * blocks (or the commitment over the proposed data), not their own compression output. Thread-safe.
 */
@ProviderType
public interface BatchCodec {
    /** The compression new batches use (configuration). */
    BatchCompression compression();

    /** The most blobs one batch transaction may carry on L1 (the configured fork's limit). */
    int maxBlobsPerTransaction();

    /**
     * Encodes {@code blocks} (one or more, numbered in order, each signed, linked by parent hash).
     *
     * @throws IllegalArgumentException for an empty, unordered, unlinked or unsigned range, or one whose RLP exceeds
     *         the format's size bound
     */
    EncodedBatch encode(List<L2Block> blocks);

    /** Decodes batch data ({@link EncodedBatch#data()}) into its blocks, checking everything it can (see above). */
    List<L2Block> decode(Bytes data) throws BatchFormatException;

    /**
     * Packs batch data into blobs (as few as fit) with KZG commitments, proofs and versioned hashes.
     *
     * @throws IllegalArgumentException when the data needs more than {@link #maxBlobsPerTransaction()} blobs
     */
    List<BatchBlob> toBlobs(Bytes data);

    /** Unpacks the batch data from the blobs of one batch transaction, in order (strict: see docs/batches.md). */
    Bytes fromBlobs(List<Bytes> blobs) throws BatchFormatException;

    /** Encodes {@code blocks} as batch {@code batchIndex} whose data travels as {@code kind}; the header follows. */
    BuiltBatch build(long batchIndex, List<L2Block> blocks, DataCommitment.Kind kind);
}
