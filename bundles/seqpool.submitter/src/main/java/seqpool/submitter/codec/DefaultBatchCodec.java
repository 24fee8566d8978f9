package seqpool.submitter.codec;

import java.util.ArrayList;
import java.util.List;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.sequencer.L2Block;
import seqpool.api.submitter.BatchBlob;
import seqpool.api.submitter.BatchCodec;
import seqpool.api.submitter.BatchCompression;
import seqpool.api.submitter.BatchFormatException;
import seqpool.api.submitter.BatchHeader;
import seqpool.api.submitter.BuiltBatch;
import seqpool.api.submitter.DataCommitment;
import seqpool.api.submitter.EncodedBatch;
import seqpool.codec.crypto.Keccak;
import seqpool.submitter.batch.BatchEnvelope;
import seqpool.submitter.blob.BlobKzg;
import seqpool.submitter.blob.BlobPacking;

/**
 * {@link BatchCodec} over the version-1 format ({@link BatchEnvelope}), blob packing ({@link BlobPacking}) and KZG
 * ({@link BlobKzg}). A plain class: the DS component only configures it. Thread-safe.
 */
public final class DefaultBatchCodec implements BatchCodec {
    private final BatchEnvelope envelope;
    private final int maxBlobsPerTransaction;

    public DefaultBatchCodec(BatchEnvelope envelope, int maxBlobsPerTransaction) {
        if (maxBlobsPerTransaction < 1) {
            throw new IllegalArgumentException("at least one blob per transaction");
        }
        this.envelope = envelope;
        this.maxBlobsPerTransaction = maxBlobsPerTransaction;
    }

    @Override
    public BatchCompression compression() {
        return envelope.compression();
    }

    @Override
    public int maxBlobsPerTransaction() {
        return maxBlobsPerTransaction;
    }

    @Override
    public EncodedBatch encode(List<L2Block> blocks) {
        return envelope.encode(blocks);
    }

    @Override
    public List<L2Block> decode(Bytes data) throws BatchFormatException {
        return envelope.decode(data);
    }

    @Override
    public List<BatchBlob> toBlobs(Bytes data) {
        int needed = BlobPacking.blobsFor(data.size());
        if (needed > maxBlobsPerTransaction) {
            throw new IllegalArgumentException(data.size() + " bytes need " + needed + " blobs, a transaction carries "
                    + maxBlobsPerTransaction);
        }
        List<BatchBlob> out = new ArrayList<>(needed);
        for (Bytes blob : BlobPacking.pack(data)) {
            out.add(BlobKzg.sidecar(blob));
        }
        return List.copyOf(out);
    }

    @Override
    public Bytes fromBlobs(List<Bytes> blobs) throws BatchFormatException {
        if (blobs.size() > maxBlobsPerTransaction) {
            throw new BatchFormatException(blobs.size() + " blobs, a transaction carries at most "
                    + maxBlobsPerTransaction);
        }
        return BlobPacking.unpack(blobs);
    }

    @Override
    public BuiltBatch build(long batchIndex, List<L2Block> blocks, DataCommitment.Kind kind) {
        EncodedBatch encoded = envelope.encode(blocks);
        List<BatchBlob> blobs;
        DataCommitment data;
        if (kind == DataCommitment.Kind.BLOB) {
            blobs = toBlobs(encoded.data());
            data = new DataCommitment(kind, blobs.stream().map(BatchBlob::versionedHash).toList());
        } else {
            blobs = List.of();
            data = new DataCommitment(kind, List.of(calldataHash(encoded.data())));
        }
        BatchHeader header = new BatchHeader(batchIndex, encoded.firstL2Block(), encoded.lastL2Block(),
                encoded.blockHashes(), encoded.postStateRoot(), data);
        return new BuiltBatch(header, encoded, blobs);
    }

    /** What BatchInbox checks for calldata: {@code keccak256(data)}. */
    public static Hash32 calldataHash(Bytes data) {
        return Keccak.keccak256(data);
    }
}
