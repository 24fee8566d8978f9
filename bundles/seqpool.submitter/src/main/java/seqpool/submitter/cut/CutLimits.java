package seqpool.submitter.cut;

import seqpool.submitter.batch.BatchFormat;
import seqpool.submitter.blob.BlobPacking;

/**
 * When a batch is cut: when the batch data of the pending blocks would exceed {@code maxDataBytes} (compressed, with
 * the envelope) or their payload {@code maxRawBytes} (uncompressed RLP, at most the format's bound), or when the oldest
 * pending block is {@code maxAgeMillis} old (by its L2 timestamp).
 */
public record CutLimits(int maxDataBytes, int maxRawBytes, long maxAgeMillis) {
    public CutLimits {
        if (maxDataBytes < 64 || maxRawBytes < 64 || maxRawBytes > BatchFormat.MAX_PAYLOAD_BYTES || maxAgeMillis < 0) {
            throw new IllegalArgumentException("cut limits: data 64.. bytes, raw 64.." + BatchFormat.MAX_PAYLOAD_BYTES
                    + " bytes, age >= 0; got " + maxDataBytes + ", " + maxRawBytes + ", " + maxAgeMillis);
        }
    }

    /** Batches that fill at most {@code blobs} blobs, with the format's payload bound. */
    public static CutLimits forBlobs(int blobs, long maxAgeMillis) {
        return new CutLimits(BlobPacking.capacity(blobs), BatchFormat.MAX_PAYLOAD_BYTES, maxAgeMillis);
    }
}
