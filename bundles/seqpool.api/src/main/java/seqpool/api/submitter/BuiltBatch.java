package seqpool.api.submitter;

import java.util.List;

import seqpool.api.common.Bytes;

/**
 * A batch ready to be signed and posted: its header (what the pool signs and BatchInbox checks), the encoded batch,
 * and how the data travels: for {@link DataCommitment.Kind#CALLDATA} {@link #calldata()} is the batch data and
 * {@code blobs} is empty; for {@link DataCommitment.Kind#BLOB} {@code calldata} is empty and {@code blobs} carries the
 * data, in the order of {@code header.data().hashes()}.
 */
public record BuiltBatch(BatchHeader header, EncodedBatch encoded, List<BatchBlob> blobs) {
    public BuiltBatch {
        blobs = List.copyOf(blobs);
        if (header == null || encoded == null) {
            throw new IllegalArgumentException("a built batch has a header and its encoding");
        }
        boolean asBlobs = header.data().kind() == DataCommitment.Kind.BLOB;
        if (asBlobs != !blobs.isEmpty() || (asBlobs && blobs.size() != header.data().hashes().size())) {
            throw new IllegalArgumentException("batch " + header.batchIndex() + ": " + blobs.size()
                    + " blobs for a " + header.data().kind() + " commitment");
        }
        for (int i = 0; i < blobs.size(); i++) {
            if (!blobs.get(i).versionedHash().equals(header.data().hashes().get(i))) {
                throw new IllegalArgumentException("batch " + header.batchIndex() + ": blob " + i
                        + " does not match the header's versioned hash");
            }
        }
    }

    /** The bytes for the {@code data} argument of {@code appendBatch}: the batch data, or empty with blobs. */
    public Bytes calldata() {
        return blobs.isEmpty() ? encoded.data() : Bytes.EMPTY;
    }
}
