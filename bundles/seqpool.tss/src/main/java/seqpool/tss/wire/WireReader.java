package seqpool.tss.wire;

import java.math.BigInteger;
import java.util.Arrays;

import org.bouncycastle.math.ec.ECPoint;

import seqpool.codec.crypto.InvalidEncodingException;
import seqpool.codec.crypto.Secp256k1Group;

/** Reads what {@link WireWriter} wrote; every malformation is a {@link MalformedMessageException}. Not thread-safe. */
public final class WireReader {
    private final byte[] b;
    private int pos;

    public WireReader(byte[] b) {
        this.b = b;
    }

    private void need(int n) throws MalformedMessageException {
        if (n < 0 || b.length - pos < n) {
            throw new MalformedMessageException("truncated message");
        }
    }

    public int u8() throws MalformedMessageException {
        need(1);
        return b[pos++] & 0xff;
    }

    public int u16() throws MalformedMessageException {
        return (u8() << 8) | u8();
    }

    public int u32() throws MalformedMessageException {
        return (u16() << 16) | u16();
    }

    public long u64() throws MalformedMessageException {
        return ((long) u32() << 32) | (u32() & 0xffffffffL);
    }

    public byte[] bytes(int max) throws MalformedMessageException {
        int n = u32();
        if (n < 0 || n > max) {
            throw new MalformedMessageException("field longer than " + max + " bytes");
        }
        return raw(n);
    }

    public byte[] raw(int n) throws MalformedMessageException {
        need(n);
        byte[] out = Arrays.copyOfRange(b, pos, pos + n);
        pos += n;
        return out;
    }

    public ECPoint point() throws MalformedMessageException {
        try {
            return Secp256k1Group.decode(raw(Secp256k1Group.ELEMENT_BYTES));
        } catch (InvalidEncodingException e) {
            throw new MalformedMessageException(e.getMessage());
        }
    }

    public BigInteger scalar() throws MalformedMessageException {
        try {
            return Secp256k1Group.decodeScalar(raw(Secp256k1Group.SCALAR_BYTES));
        } catch (InvalidEncodingException e) {
            throw new MalformedMessageException(e.getMessage());
        }
    }

    public String string(int max) throws MalformedMessageException {
        return new String(bytes(max), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Fails unless every byte was read (no trailing garbage). */
    public void end() throws MalformedMessageException {
        if (pos != b.length) {
            throw new MalformedMessageException("trailing bytes");
        }
    }
}
