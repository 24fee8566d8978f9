package seqpool.codec.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.identity.EcdsaSignature;

/**
 * Writes the canonical layout into a growing array: fixed-width big-endian integers (only the low bits of the
 * argument are written), fixed-size bytes ({@code raw}, the reader knows the size) and u32-length-prefixed bytes
 * ({@code bytes}, {@code string}). One writer per message; not thread-safe.
 */
public final class WireWriter {
    private byte[] buf = new byte[256];
    private int len;

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    private WireWriter bigEndian(long v, int width) {
        ensure(width);
        for (int i = width - 1; i >= 0; i--) {
            buf[len++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    public WireWriter u8(int v) {
        return bigEndian(v, 1);
    }

    public WireWriter u16(int v) {
        return bigEndian(v, 2);
    }

    public WireWriter u32(long v) {
        return bigEndian(v, 4);
    }

    public WireWriter u64(long v) {
        return bigEndian(v, 8);
    }

    /** Fixed-size bytes, no length prefix. */
    public WireWriter raw(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
        return this;
    }

    /** Fixed-size bytes, no length prefix. */
    public WireWriter raw(Bytes b) {
        return raw(b.toArray());
    }

    /** A u32 length, then the bytes. */
    public WireWriter bytes(byte[] b) {
        return u32(b.length).raw(b);
    }

    /** A u32 length, then the bytes. */
    public WireWriter bytes(Bytes b) {
        return bytes(b.toArray());
    }

    /** UTF-8, prefixed by its u32 byte length. */
    public WireWriter string(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** 32 bytes. */
    public WireWriter hash(Hash32 h) {
        return raw(h.value());
    }

    /** 20 bytes. */
    public WireWriter address(Address a) {
        return raw(a.value());
    }

    /** 65 bytes r ‖ s ‖ v. */
    public WireWriter sig(EcdsaSignature s) {
        return raw(s.toBytes65());
    }

    /** Bytes written so far. */
    public int size() {
        return len;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    public Bytes toBytes() {
        return Bytes.wrap(toByteArray());
    }
}
