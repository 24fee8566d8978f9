package seqpool.codec.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Bytes;

/** The layout, byte for byte: big-endian fixed widths, u32 length prefixes; strict, bounded reading. */
class WireCodecTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void writesBigEndianFixedWidthsAndU32LengthPrefixes() {
        byte[] b = new WireWriter().u8(0x1ff).u16(0x10203).u32(0x1_0203_0405L).u64(0x0102030405060708L)
                .raw(new byte[] {9}).bytes(new byte[] {10, 11}).bytes(Bytes.wrap(new byte[0])).string("é")
                .toByteArray();
        assertEquals("ff" + "0203" + "02030405" + "0102030405060708" + "09" + "000000020a0b" + "00000000"
                + "00000002c3a9", HEX.formatHex(b));
    }

    @Test
    void readsBackWhatWasWritten() throws MalformedMessageException {
        WireWriter w = new WireWriter().u8(7).u16(65535).u32(0xffff_ffffL).u64(-1L).u64(5).raw(new byte[] {1, 2})
                .bytes(new byte[] {3}).string("seqpool").u32(2);
        WireReader r = new WireReader(w.toBytes());
        assertEquals(7, r.u8());
        assertEquals(65535, r.u16());
        assertEquals(0xffff_ffffL, r.u32());
        assertEquals(-1L, r.u64());
        assertEquals(5, r.u63("number"));
        assertArrayEquals(new byte[] {1, 2}, r.raw(2));
        assertEquals(Bytes.wrap(new byte[] {3}), r.sized(1));
        assertEquals("seqpool", r.string(7));
        assertEquals(2, r.count(2));
        r.end();
    }

    @Test
    void refusesTruncationOverlongFieldsOutOfRangeNumbersAndTrailingBytes() {
        assertThrows(MalformedMessageException.class, () -> new WireReader(new byte[3]).u32());
        byte[] field = new WireWriter().bytes(new byte[5]).toByteArray();
        assertThrows(MalformedMessageException.class, () -> new WireReader(field).bytes(4));
        assertThrows(MalformedMessageException.class, () -> new WireReader(new byte[] {0, 0, 0, 9, 1}).bytes(100));
        byte[] big = new WireWriter().u64(-1L).toByteArray();
        assertThrows(MalformedMessageException.class, () -> new WireReader(big).u63("epoch"));
        byte[] count = new WireWriter().u32(3).raw(new byte[5]).toByteArray();
        assertThrows(MalformedMessageException.class, () -> new WireReader(count).count(10, 2, "items"));
        assertThrows(MalformedMessageException.class, () -> new WireReader(count).count(2));
        WireReader r = new WireReader(new byte[2]);
        assertThrows(MalformedMessageException.class, r::end);
    }
}
