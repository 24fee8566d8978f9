package seqpool.submitter.batch;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import seqpool.api.submitter.BatchCompression;
import seqpool.api.submitter.BatchFormatException;

/**
 * zlib (RFC 1950: deflate with a 2-byte header and an Adler-32 trailer) through {@code java.util.zip}. Thread-safe:
 * every call has its own Deflater/Inflater.
 */
public record ZlibCompressor(int level) implements Compressor {
    public ZlibCompressor {
        if (level < 1 || level > 9) {
            throw new IllegalArgumentException("zlib level is 1..9, got " + level);
        }
    }

    @Override
    public BatchCompression kind() {
        return BatchCompression.ZLIB;
    }

    @Override
    public byte[] compress(byte[] raw) {
        Deflater deflater = new Deflater(level);
        try {
            deflater.setInput(raw);
            deflater.finish();
            byte[] out = new byte[Math.max(64, raw.length / 2)];
            int n = 0;
            while (!deflater.finished()) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                n += deflater.deflate(out, n, out.length - n);
            }
            return Arrays.copyOf(out, n);
        } finally {
            deflater.end();
        }
    }

    @Override
    public byte[] decompress(byte[] in, int offset, int length, int maxOutput) throws BatchFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(in, offset, length);
            // grow as needed, never past maxOutput + 1 (one byte more than allowed proves the bound is exceeded)
            int cap = (int) Math.min((long) maxOutput + 1, Math.max(1024L, 4L * length));
            byte[] out = new byte[cap];
            int n = 0;
            while (!inflater.finished()) {
                if (n == out.length) {
                    if (n > maxOutput) {
                        throw new BatchFormatException("zlib: decompresses to more than " + maxOutput + " bytes");
                    }
                    out = Arrays.copyOf(out, (int) Math.min((long) maxOutput + 1, 2L * out.length));
                }
                int got = inflater.inflate(out, n, out.length - n);
                n += got;
                if (got == 0 && !inflater.finished() && n < out.length) {
                    if (inflater.needsDictionary()) {
                        throw new BatchFormatException("zlib: stream needs a preset dictionary");
                    }
                    if (inflater.needsInput()) {
                        throw new BatchFormatException("zlib: stream truncated after " + inflater.getBytesRead()
                                + " of " + length + " bytes");
                    }
                    throw new BatchFormatException("zlib: stream makes no progress at input byte "
                            + inflater.getBytesRead());
                }
            }
            if (n > maxOutput) {
                throw new BatchFormatException("zlib: decompresses to more than " + maxOutput + " bytes");
            }
            if (inflater.getRemaining() > 0) {
                throw new BatchFormatException("zlib: " + inflater.getRemaining() + " trailing bytes after the stream");
            }
            return Arrays.copyOf(out, n);
        } catch (DataFormatException e) {
            throw new BatchFormatException("zlib: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
