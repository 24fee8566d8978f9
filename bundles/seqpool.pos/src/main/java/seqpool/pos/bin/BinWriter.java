package seqpool.pos.bin;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.identity.EcdsaSignature;

/** Big-endian, fixed-width fields; variable ones prefixed by their length. Not thread-safe. */
public final class BinWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    public BinWriter u8(int v) {
        out.write(v);
        return this;
    }

    public BinWriter u32(long v) {
        for (int i = 3; i >= 0; i--) {
            out.write((int) (v >>> (8 * i)));
        }
        return this;
    }

    public BinWriter u64(long v) {
        for (int i = 7; i >= 0; i--) {
            out.write((int) (v >>> (8 * i)));
        }
        return this;
    }

    public BinWriter raw(Bytes b) {
        out.writeBytes(b.toArray());
        return this;
    }

    public BinWriter bytes(Bytes b) {
        u32(b.size());
        return raw(b);
    }

    public BinWriter hash(Hash32 h) {
        return raw(h.value());
    }

    public BinWriter address(Address a) {
        return raw(a.value());
    }

    public BinWriter signature(EcdsaSignature s) {
        return raw(s.toBytes65());
    }

    public BinWriter string(String s) {
        return bytes(Bytes.wrap(s.getBytes(StandardCharsets.UTF_8)));
    }

    public BinWriter bigInt(java.math.BigInteger v) {
        return bytes(Bytes.wrap(v.toByteArray()));
    }

    public BinWriter bool(boolean v) {
        return u8(v ? 1 : 0);
    }

    public Bytes toBytes() {
        return Bytes.wrap(out.toByteArray());
    }
}
