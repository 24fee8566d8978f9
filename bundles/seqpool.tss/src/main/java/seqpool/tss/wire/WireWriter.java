package seqpool.tss.wire;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

import org.bouncycastle.math.ec.ECPoint;

import seqpool.codec.crypto.Secp256k1Group;

/** Writes the canonical encoding: fixed-width big-endian integers, u32-length-prefixed byte strings. Not thread-safe. */
public final class WireWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    public WireWriter u8(int v) {
        out.write(v);
        return this;
    }

    public WireWriter u16(int v) {
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    public WireWriter u32(int v) {
        u16(v >>> 16);
        return u16(v & 0xffff);
    }

    public WireWriter u64(long v) {
        u32((int) (v >>> 32));
        return u32((int) v);
    }

    /** Length-prefixed bytes. */
    public WireWriter bytes(byte[] b) {
        u32(b.length);
        out.writeBytes(b);
        return this;
    }

    /** Fixed-size bytes (the reader knows the size). */
    public WireWriter raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    public WireWriter point(ECPoint p) {
        return raw(Secp256k1Group.encode(p));
    }

    public WireWriter scalar(BigInteger s) {
        return raw(Secp256k1Group.encodeScalar(s));
    }

    public WireWriter string(String s) {
        return bytes(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
