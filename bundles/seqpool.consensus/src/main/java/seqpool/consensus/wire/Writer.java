package seqpool.consensus.wire;

import java.io.ByteArrayOutputStream;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.identity.EcdsaSignature;

/** Big-endian canonical writer. */
final class Writer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    Writer u8(int v) {
        out.write(v);
        return this;
    }

    Writer u32(long v) {
        for (int i = 3; i >= 0; i--) {
            out.write((int) (v >>> (8 * i)));
        }
        return this;
    }

    Writer u64(long v) {
        for (int i = 7; i >= 0; i--) {
            out.write((int) (v >>> (8 * i)));
        }
        return this;
    }

    Writer raw(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    Writer bytes(Bytes b) {
        u32(b.size());
        return raw(b.toArray());
    }

    Writer hash(Hash32 h) {
        return raw(h.value().toArray());
    }

    Writer address(Address a) {
        return raw(a.value().toArray());
    }

    Writer sig(EcdsaSignature s) {
        return raw(s.toBytes65().toArray());
    }

    byte[] toArray() {
        return out.toByteArray();
    }
}
