package seqpool.consensus.wire;

import java.util.Arrays;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.identity.EcdsaSignature;

/** Big-endian canonical writer into a growing array (unsynchronised: one writer per message). */
final class Writer {
    private byte[] buf = new byte[256];
    private int len;

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    Writer u8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    Writer u32(long v) {
        ensure(4);
        for (int i = 3; i >= 0; i--) {
            buf[len++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    Writer u64(long v) {
        ensure(8);
        for (int i = 7; i >= 0; i--) {
            buf[len++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    Writer raw(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
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
        return Arrays.copyOf(buf, len);
    }
}
