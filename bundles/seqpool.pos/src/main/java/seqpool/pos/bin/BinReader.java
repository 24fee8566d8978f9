package seqpool.pos.bin;

import seqpool.pos.tx.MalformedTxException;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.identity.EcdsaSignature;

/** Reads what {@link BinWriter} wrote; every read is bounds-checked and a short or oversized field is malformed. */
public final class BinReader {
    private final byte[] b;
    private int pos;

    public BinReader(Bytes bytes) {
        this.b = bytes.toArray();
    }

    private void need(int n) throws MalformedTxException {
        if (n < 0 || b.length - pos < n) {
            throw new MalformedTxException("truncated at byte " + pos);
        }
    }

    public int u8() throws MalformedTxException {
        need(1);
        return b[pos++] & 0xff;
    }

    public long u32() throws MalformedTxException {
        need(4);
        long v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | (b[pos++] & 0xff);
        }
        return v;
    }

    public long u64() throws MalformedTxException {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[pos++] & 0xff);
        }
        if (v < 0) {
            throw new MalformedTxException("integer out of range at byte " + (pos - 8));
        }
        return v;
    }

    public int u32Int(int max) throws MalformedTxException {
        long v = u32();
        if (v > max) {
            throw new MalformedTxException("value " + v + " above " + max + " at byte " + (pos - 4));
        }
        return (int) v;
    }

    public Bytes raw(int n) throws MalformedTxException {
        need(n);
        byte[] out = java.util.Arrays.copyOfRange(b, pos, pos + n);
        pos += n;
        return Bytes.wrap(out);
    }

    public Bytes bytes(int max) throws MalformedTxException {
        return raw(u32Int(max));
    }

    public Hash32 hash() throws MalformedTxException {
        return new Hash32(raw(32));
    }

    public Address address() throws MalformedTxException {
        return new Address(raw(20));
    }

    public EcdsaSignature signature() throws MalformedTxException {
        try {
            return EcdsaSignature.fromBytes65(raw(65));
        } catch (IllegalArgumentException e) {
            throw new MalformedTxException("bad signature encoding: " + e.getMessage());
        }
    }

    public String string(int maxBytes) throws MalformedTxException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes(maxBytes).toArray())).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedTxException("string is not UTF-8");
        }
    }

    public java.math.BigInteger bigInt() throws MalformedTxException {
        Bytes b = bytes(64);
        if (b.size() == 0) {
            throw new MalformedTxException("empty integer");
        }
        return new java.math.BigInteger(b.toArray());
    }

    public boolean bool() throws MalformedTxException {
        int v = u8();
        if (v > 1) {
            throw new MalformedTxException("bad boolean " + v);
        }
        return v == 1;
    }

    public void end() throws MalformedTxException {
        if (pos != b.length) {
            throw new MalformedTxException((b.length - pos) + " trailing bytes");
        }
    }
}
