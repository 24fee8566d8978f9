package seqpool.codec.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.identity.EcdsaSignature;

/**
 * Reads what {@link WireWriter} wrote, bounds-checked: every length is checked against its limit and the remaining
 * input before allocation, and every failure is a {@link MalformedMessageException}. The overloads taking
 * {@code what} name the field in the error. Not thread-safe.
 */
public final class WireReader {
    private final byte[] in;
    private int pos;

    public WireReader(byte[] in) {
        this.in = in;
    }

    public WireReader(Bytes in) {
        this(in.toArray());
    }

    private void need(long n, String what) throws MalformedMessageException {
        if (n < 0 || n > in.length - pos) {
            throw new MalformedMessageException("truncated: " + what + " needs " + n + " bytes, " + (in.length - pos)
                    + " left at offset " + pos);
        }
    }

    private long bigEndian(int width, String what) throws MalformedMessageException {
        need(width, what);
        long v = 0;
        for (int i = 0; i < width; i++) {
            v = (v << 8) | (in[pos++] & 0xff);
        }
        return v;
    }

    public int u8() throws MalformedMessageException {
        return u8("u8");
    }

    public int u8(String what) throws MalformedMessageException {
        return (int) bigEndian(1, what);
    }

    public int u16() throws MalformedMessageException {
        return (int) bigEndian(2, "u16");
    }

    /** 0 ≤ value < 2^32. */
    public long u32() throws MalformedMessageException {
        return u32("u32");
    }

    public long u32(String what) throws MalformedMessageException {
        return bigEndian(4, what);
    }

    /** All 64 bits, as the writer's {@code u64} wrote them (may be negative as a Java long). */
    public long u64() throws MalformedMessageException {
        return bigEndian(8, "u64");
    }

    /** A u64 that must fit a non-negative Java long (heights, epochs, timestamps). */
    public long u63(String what) throws MalformedMessageException {
        long v = bigEndian(8, what);
        if (v < 0) {
            throw new MalformedMessageException(what + " out of range: " + Long.toUnsignedString(v));
        }
        return v;
    }

    /** {@code n} fixed-size bytes. */
    public byte[] raw(int n) throws MalformedMessageException {
        return raw(n, "field");
    }

    public byte[] raw(int n, String what) throws MalformedMessageException {
        need(n, what);
        byte[] b = Arrays.copyOfRange(in, pos, pos + n);
        pos += n;
        return b;
    }

    /** {@link #raw(int, String)} as {@link Bytes}. */
    public Bytes fixed(int n, String what) throws MalformedMessageException {
        return Bytes.wrap(raw(n, what));
    }

    /** A u32 length, at most {@code max}, then that many bytes. */
    public byte[] bytes(long max) throws MalformedMessageException {
        return bytes(max, "field");
    }

    public byte[] bytes(long max, String what) throws MalformedMessageException {
        long n = u32(what + " length");
        if (n > max) {
            throw new MalformedMessageException(what + " of " + n + " bytes exceeds the limit of " + max);
        }
        return raw((int) n, what);
    }

    /** {@link #bytes(long, String)} as {@link Bytes}. */
    public Bytes sized(long max) throws MalformedMessageException {
        return Bytes.wrap(bytes(max));
    }

    public Bytes sized(long max, String what) throws MalformedMessageException {
        return Bytes.wrap(bytes(max, what));
    }

    /** UTF-8 prefixed by its u32 byte length, at most {@code max} bytes. */
    public String string(int max) throws MalformedMessageException {
        return new String(bytes(max, "string"), StandardCharsets.UTF_8);
    }

    public Hash32 hash() throws MalformedMessageException {
        return new Hash32(Bytes.wrap(raw(32, "hash")));
    }

    public Address address() throws MalformedMessageException {
        return new Address(Bytes.wrap(raw(20, "address")));
    }

    public EcdsaSignature sig() throws MalformedMessageException {
        try {
            return EcdsaSignature.fromBytes65(Bytes.wrap(raw(65, "signature")));
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("bad signature encoding: " + e.getMessage());
        }
    }

    /** A u32 count, at most {@code max}. */
    public int count(long max) throws MalformedMessageException {
        long n = u32("count");
        if (n > max) {
            throw new MalformedMessageException("count " + n + " exceeds limit " + max);
        }
        return (int) n;
    }

    /** A u32 count, at most {@code max}, of items of at least {@code minItemBytes} each (checked against the input). */
    public int count(long max, int minItemBytes, String what) throws MalformedMessageException {
        long n = u32(what + " count");
        if (n > max) {
            throw new MalformedMessageException(n + " " + what + " exceed the limit of " + max);
        }
        need(n * minItemBytes, n + " " + what);
        return (int) n;
    }

    /** Fails unless every byte was read (no trailing bytes). */
    public void end() throws MalformedMessageException {
        if (pos != in.length) {
            throw new MalformedMessageException((in.length - pos) + " trailing bytes");
        }
    }
}
