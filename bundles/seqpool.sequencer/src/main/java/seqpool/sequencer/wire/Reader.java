package seqpool.sequencer.wire;

import java.nio.ByteBuffer;

import seqpool.api.common.Bytes;

/** Reads big-endian integers and bounded byte strings; running past the end is a {@link MalformedMessageException}. */
final class Reader {
    private final ByteBuffer in;

    Reader(Bytes input) {
        this.in = ByteBuffer.wrap(input.toArray());
    }

    private void require(long n, String what) throws MalformedMessageException {
        if (n > in.remaining()) {
            throw new MalformedMessageException("truncated: " + what + " needs " + n + " bytes, " + in.remaining()
                    + " left at offset " + in.position());
        }
    }

    int u8(String what) throws MalformedMessageException {
        require(1, what);
        return in.get() & 0xff;
    }

    long u32(String what) throws MalformedMessageException {
        require(4, what);
        return in.getInt() & 0xffff_ffffL;
    }

    /** An unsigned 64-bit number that must fit a Java long (numbers, epochs, timestamps are ≥ 0). */
    long u63(String what) throws MalformedMessageException {
        require(8, what);
        long v = in.getLong();
        if (v < 0) {
            throw new MalformedMessageException(what + " out of range: " + Long.toUnsignedString(v));
        }
        return v;
    }

    Bytes fixed(int n, String what) throws MalformedMessageException {
        require(n, what);
        byte[] b = new byte[n];
        in.get(b);
        return Bytes.wrap(b);
    }

    /** A u32 length, at most {@code max}, then that many bytes. */
    Bytes sized(int max, String what) throws MalformedMessageException {
        long n = u32(what + " length");
        if (n > max) {
            throw new MalformedMessageException(what + " of " + n + " bytes exceeds the limit of " + max);
        }
        return fixed((int) n, what);
    }

    /** A u32 count, at most {@code max}, each item at least {@code minItemBytes} long (checked against the input). */
    int count(int max, int minItemBytes, String what) throws MalformedMessageException {
        long n = u32(what + " count");
        if (n > max) {
            throw new MalformedMessageException(n + " " + what + " exceed the limit of " + max);
        }
        require(n * minItemBytes, n + " " + what);
        return (int) n;
    }

    void end() throws MalformedMessageException {
        if (in.hasRemaining()) {
            throw new MalformedMessageException(in.remaining() + " trailing bytes");
        }
    }
}
