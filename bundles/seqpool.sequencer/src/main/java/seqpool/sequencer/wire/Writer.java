package seqpool.sequencer.wire;

import java.io.ByteArrayOutputStream;

import seqpool.api.common.Bytes;

/** Appends big-endian integers and raw bytes. One writer per message; not thread-safe. */
final class Writer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    Writer u8(int v) {
        out.write(v);
        return this;
    }

    Writer u32(long v) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (v >>> shift));
        }
        return this;
    }

    Writer u64(long v) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (v >>> shift));
        }
        return this;
    }

    Writer fixed(Bytes b) {
        out.writeBytes(b.toArray());
        return this;
    }

    Writer sized(Bytes b) {
        return u32(b.size()).fixed(b);
    }

    int size() {
        return out.size();
    }

    Bytes toBytes() {
        return Bytes.wrap(out.toByteArray());
    }
}
