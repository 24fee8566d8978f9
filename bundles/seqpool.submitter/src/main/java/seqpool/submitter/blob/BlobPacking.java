package seqpool.submitter.blob;

import java.util.ArrayList;
import java.util.List;

import seqpool.api.common.Bytes;
import seqpool.api.submitter.BatchFormatException;

/**
 * Batch data in EIP-4844 blobs, packing version 1: the stream {@code 0x01 ‖ length (4 bytes, big-endian) ‖ data}
 * is cut into 31-byte chunks; field element {@code j} of blob {@code i} is {@code 0x00 ‖ chunk(4096·i + j)}, the
 * last chunk and every element after it zero-filled. The zero top byte keeps every element below the BLS12-381
 * modulus. A blob holds {@value #BYTES_PER_BLOB_PAYLOAD} stream bytes, so one blob carries up to 126,971 bytes of
 * data. As few blobs as the stream needs are used.
 *
 * <p>Unpacking is strict: blobs of exactly 131,072 bytes, every top byte zero, the packing version, a length that the
 * blobs hold, no blob beyond the ones the length needs, and zero padding after the data. Stateless.
 */
public final class BlobPacking {
    public static final int PACKING_VERSION = 1;
    public static final int FIELD_ELEMENTS = 4096;
    public static final int BYTES_PER_ELEMENT = 32;
    public static final int BYTES_PER_BLOB = FIELD_ELEMENTS * BYTES_PER_ELEMENT;
    /** Usable bytes per element: all but the top byte. */
    public static final int PAYLOAD_PER_ELEMENT = 31;
    public static final int BYTES_PER_BLOB_PAYLOAD = FIELD_ELEMENTS * PAYLOAD_PER_ELEMENT;
    /** Packing version and length. */
    public static final int STREAM_HEADER = 5;

    private BlobPacking() {
    }

    /** How many blobs {@code dataLength} bytes of batch data need. */
    public static int blobsFor(long dataLength) {
        if (dataLength < 0) {
            throw new IllegalArgumentException("negative length");
        }
        return (int) ((STREAM_HEADER + dataLength + BYTES_PER_BLOB_PAYLOAD - 1) / BYTES_PER_BLOB_PAYLOAD);
    }

    /** The most data bytes {@code blobs} blobs carry. */
    public static int capacity(int blobs) {
        if (blobs < 1) {
            throw new IllegalArgumentException("at least one blob");
        }
        return blobs * BYTES_PER_BLOB_PAYLOAD - STREAM_HEADER;
    }

    public static List<Bytes> pack(Bytes data) {
        int n = data.size();
        byte[] stream = new byte[STREAM_HEADER + n];
        stream[0] = PACKING_VERSION;
        stream[1] = (byte) (n >>> 24);
        stream[2] = (byte) (n >>> 16);
        stream[3] = (byte) (n >>> 8);
        stream[4] = (byte) n;
        System.arraycopy(data.toArray(), 0, stream, STREAM_HEADER, n);
        int count = blobsFor(n);
        List<Bytes> blobs = new ArrayList<>(count);
        for (int b = 0; b < count; b++) {
            byte[] blob = new byte[BYTES_PER_BLOB];
            for (int e = 0; e < FIELD_ELEMENTS; e++) {
                int from = (b * FIELD_ELEMENTS + e) * PAYLOAD_PER_ELEMENT;
                if (from >= stream.length) {
                    break;
                }
                int len = Math.min(PAYLOAD_PER_ELEMENT, stream.length - from);
                System.arraycopy(stream, from, blob, e * BYTES_PER_ELEMENT + 1, len);
            }
            blobs.add(Bytes.wrap(blob));
        }
        return List.copyOf(blobs);
    }

    public static Bytes unpack(List<Bytes> blobs) throws BatchFormatException {
        if (blobs.isEmpty()) {
            throw new BatchFormatException("blobs: none");
        }
        byte[] stream = new byte[blobs.size() * BYTES_PER_BLOB_PAYLOAD];
        for (int b = 0; b < blobs.size(); b++) {
            Bytes blob = blobs.get(b);
            if (blob.size() != BYTES_PER_BLOB) {
                throw new BatchFormatException("blob " + b + ": " + blob.size() + " bytes, a blob is "
                        + BYTES_PER_BLOB);
            }
            byte[] raw = blob.toArray();
            for (int e = 0; e < FIELD_ELEMENTS; e++) {
                if (raw[e * BYTES_PER_ELEMENT] != 0) {
                    throw new BatchFormatException("blob " + b + " field element " + e + ": top byte 0x"
                            + Integer.toHexString(raw[e * BYTES_PER_ELEMENT] & 0xff) + ", must be 0");
                }
                System.arraycopy(raw, e * BYTES_PER_ELEMENT + 1, stream, (b * FIELD_ELEMENTS + e)
                        * PAYLOAD_PER_ELEMENT, PAYLOAD_PER_ELEMENT);
            }
        }
        if (stream[0] != PACKING_VERSION) {
            throw new BatchFormatException("blobs: unknown packing version " + (stream[0] & 0xff));
        }
        long length = ((stream[1] & 0xffL) << 24) | ((stream[2] & 0xff) << 16) | ((stream[3] & 0xff) << 8)
                | (stream[4] & 0xff);
        if (length > capacity(blobs.size())) {
            throw new BatchFormatException("blobs: length " + length + " is more than " + blobs.size()
                    + " blob(s) hold (" + capacity(blobs.size()) + ")");
        }
        int needed = blobsFor(length);
        if (needed != blobs.size()) {
            throw new BatchFormatException("blobs: length " + length + " needs " + needed + " blob(s), got "
                    + blobs.size());
        }
        int end = STREAM_HEADER + (int) length;
        for (int i = end; i < stream.length; i++) {
            if (stream[i] != 0) {
                int element = i / PAYLOAD_PER_ELEMENT;
                throw new BatchFormatException("blobs: non-zero padding after the data in blob "
                        + element / FIELD_ELEMENTS + " field element " + element % FIELD_ELEMENTS);
            }
        }
        byte[] data = new byte[(int) length];
        System.arraycopy(stream, STREAM_HEADER, data, 0, data.length);
        return Bytes.wrap(data);
    }
}
