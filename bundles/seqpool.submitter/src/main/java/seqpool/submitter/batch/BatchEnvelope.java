package seqpool.submitter.batch;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import seqpool.api.common.Bytes;
import seqpool.api.sequencer.L2Block;
import seqpool.api.submitter.BatchCompression;
import seqpool.api.submitter.BatchFormatException;
import seqpool.api.submitter.EncodedBatch;

/**
 * Batch data, version 1: {@code 0x01 ‖ compression id ‖ compressed payload} ({@link BatchFormat}). Encodes with one
 * configured compression; decodes any known one, within {@link BatchFormat#MAX_PAYLOAD_BYTES}. Thread-safe.
 */
public final class BatchEnvelope {
    private final BatchBlocks blocks;
    private final Compressor compressor;
    private final Map<BatchCompression, Compressor> decoders = new EnumMap<>(BatchCompression.class);

    /** {@code zlibLevel}/{@code zstdLevel} apply when encoding; decoding does not depend on them. */
    public BatchEnvelope(long chainId, BatchCompression compression, int zlibLevel, int zstdLevel) {
        this.blocks = new BatchBlocks(chainId);
        this.compressor = Compressor.of(compression, zlibLevel, zstdLevel);
        for (BatchCompression c : BatchCompression.values()) {
            decoders.put(c, c == compression ? compressor : Compressor.of(c, zlibLevel, zstdLevel));
        }
    }

    public BatchCompression compression() {
        return compressor.kind();
    }

    public long chainId() {
        return blocks.chainId();
    }

    /** @throws IllegalArgumentException for a range {@link BatchBlocks#encode} refuses, or a payload over the bound */
    public EncodedBatch encode(List<L2Block> range) {
        byte[] payload = blocks.encode(range);
        if (payload.length > BatchFormat.MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("blocks " + range.get(0).number() + ".." + range.get(range.size() - 1)
                    .number() + " encode to " + payload.length + " bytes, over the format's "
                    + BatchFormat.MAX_PAYLOAD_BYTES);
        }
        byte[] compressed = compressor.compress(payload);
        byte[] data = new byte[BatchFormat.ENVELOPE_HEADER + compressed.length];
        data[0] = (byte) BatchFormat.VERSION_1;
        data[1] = (byte) compressor.kind().id();
        System.arraycopy(compressed, 0, data, BatchFormat.ENVELOPE_HEADER, compressed.length);
        L2Block last = range.get(range.size() - 1);
        return new EncodedBatch(range.get(0).number(), last.number(), compressor.kind(), payload.length,
                BatchBlocks.blockHashesCommitment(range), last.stateRoot(), Bytes.wrap(data));
    }

    public List<L2Block> decode(Bytes data) throws BatchFormatException {
        return blocks.decode(payload(data));
    }

    /** The decompressed RLP payload of batch data (envelope and compression checked, blocks not). */
    public byte[] payload(Bytes data) throws BatchFormatException {
        byte[] d = data.toArray();
        if (d.length < BatchFormat.ENVELOPE_HEADER + 1) {
            throw new BatchFormatException("batch data of " + d.length + " bytes is shorter than the envelope");
        }
        if ((d[0] & 0xff) != BatchFormat.VERSION_1) {
            throw new BatchFormatException("unknown batch format version " + (d[0] & 0xff) + " (this node reads "
                    + BatchFormat.VERSION_1 + ")");
        }
        BatchCompression c = BatchCompression.fromId(d[1] & 0xff);
        if (c == null) {
            throw new BatchFormatException("unknown compression id " + (d[1] & 0xff));
        }
        return decoders.get(c).decompress(d, BatchFormat.ENVELOPE_HEADER, d.length - BatchFormat.ENVELOPE_HEADER,
                BatchFormat.MAX_PAYLOAD_BYTES);
    }
}
