package seqpool.consensus.wire;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.identity.EcdsaSignature;

/** Bounds-checked big-endian reader; every failure is a {@link MalformedMessageException}. */
final class Reader {
    private final byte[] in;
    private int pos;

    Reader(byte[] in) {
        this.in = in;
    }

    private void need(long n) throws MalformedMessageException {
        if (n < 0 || pos + n > in.length) {
            throw new MalformedMessageException("truncated message: need " + n + " bytes at offset " + pos);
        }
    }

    int u8() throws MalformedMessageException {
        need(1);
        return in[pos++] & 0xff;
    }

    long u32() throws MalformedMessageException {
        need(4);
        long v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | (in[pos++] & 0xff);
        }
        return v;
    }

    long u64() throws MalformedMessageException {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (in[pos++] & 0xff);
        }
        return v;
    }

    byte[] raw(int n) throws MalformedMessageException {
        need(n);
        byte[] b = java.util.Arrays.copyOfRange(in, pos, pos + n);
        pos += n;
        return b;
    }

    Bytes bytes(long max) throws MalformedMessageException {
        long n = u32();
        if (n > max) {
            throw new MalformedMessageException("field of " + n + " bytes exceeds limit " + max);
        }
        return Bytes.wrap(raw((int) n));
    }

    Hash32 hash() throws MalformedMessageException {
        return new Hash32(Bytes.wrap(raw(32)));
    }

    Address address() throws MalformedMessageException {
        return new Address(Bytes.wrap(raw(20)));
    }

    EcdsaSignature sig() throws MalformedMessageException {
        try {
            return EcdsaSignature.fromBytes65(Bytes.wrap(raw(65)));
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("bad signature encoding: " + e.getMessage());
        }
    }

    int count(long max) throws MalformedMessageException {
        long n = u32();
        if (n > max) {
            throw new MalformedMessageException("count " + n + " exceeds limit " + max);
        }
        return (int) n;
    }

    void end() throws MalformedMessageException {
        if (pos != in.length) {
            throw new MalformedMessageException((in.length - pos) + " trailing bytes");
        }
    }
}
