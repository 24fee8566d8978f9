package seqpool.submitter.batch;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;

import seqpool.api.submitter.BatchCompression;
import seqpool.api.submitter.BatchFormatException;

/**
 * Zstandard through zstd-jni (native): one frame with the content size and an XXH64 content checksum. Decompression
 * reads the declared content size first and refuses a frame without one, one above the bound, and any byte after the
 * frame (zstd would otherwise decode concatenated frames). Thread-safe: every call has its own context.
 */
public record ZstdCompressor(int level) implements Compressor {
    public ZstdCompressor {
        if (level < 1 || level > 22) {
            throw new IllegalArgumentException("zstd level is 1..22, got " + level);
        }
    }

    @Override
    public BatchCompression kind() {
        return BatchCompression.ZSTD;
    }

    @Override
    public byte[] compress(byte[] raw) {
        try (ZstdCompressCtx ctx = new ZstdCompressCtx()) {
            ctx.setLevel(level).setChecksum(true).setContentSize(true);
            return ctx.compress(raw);
        }
    }

    @Override
    public byte[] decompress(byte[] in, int offset, int length, int maxOutput) throws BatchFormatException {
        try {
            long frame;
            try {
                frame = Zstd.findFrameCompressedSize(in, offset, length);
            } catch (RuntimeException e) {
                throw new BatchFormatException("zstd: not a complete frame (" + e.getMessage() + ")", e);
            }
            if (Zstd.isError(frame)) {
                throw new BatchFormatException("zstd: not a complete frame (" + Zstd.getErrorName(frame) + ")");
            }
            if (frame != length) {
                throw new BatchFormatException("zstd: " + (length - frame) + " trailing bytes after the frame");
            }
            long size = Zstd.getFrameContentSize(in, offset, length);
            if (size < 0) {
                throw new BatchFormatException("zstd: the frame does not declare its content size");
            }
            if (size == 0) {
                throw new BatchFormatException("zstd: empty frame");
            }
            if (size > maxOutput) {
                throw new BatchFormatException("zstd: decompresses to " + size + " bytes, more than " + maxOutput);
            }
            byte[] out = new byte[(int) size];
            try (ZstdDecompressCtx ctx = new ZstdDecompressCtx()) {
                int n = ctx.decompressByteArray(out, 0, out.length, in, offset, length);
                if (n != size) {
                    throw new BatchFormatException("zstd: frame declares " + size + " bytes, holds " + n);
                }
            }
            return out;
        } catch (RuntimeException e) {
            throw new BatchFormatException("zstd: " + e.getMessage(), e);
        }
    }
}
