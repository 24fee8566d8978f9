package seqpool.submitter.batch;

import seqpool.api.submitter.BatchCompression;
import seqpool.api.submitter.BatchFormatException;

/** One compression of the batch format: compresses whole payloads, decompresses strictly and within a bound. */
public sealed interface Compressor permits ZlibCompressor, ZstdCompressor {
    BatchCompression kind();

    byte[] compress(byte[] raw);

    /**
     * Decompresses exactly {@code in[offset, offset + length)}: one complete stream, nothing after it, at most
     * {@code maxOutput} bytes out (more is refused before it is all produced).
     */
    byte[] decompress(byte[] in, int offset, int length, int maxOutput) throws BatchFormatException;

    /** zlib at {@code zlibLevel} or zstd at {@code zstdLevel}. */
    static Compressor of(BatchCompression kind, int zlibLevel, int zstdLevel) {
        return switch (kind) {
            case ZLIB -> new ZlibCompressor(zlibLevel);
            case ZSTD -> new ZstdCompressor(zstdLevel);
        };
    }
}
