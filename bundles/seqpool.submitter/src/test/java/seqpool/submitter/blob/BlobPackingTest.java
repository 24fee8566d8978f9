package seqpool.submitter.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import seqpool.api.common.Bytes;
import seqpool.api.submitter.BatchFormatException;

class BlobPackingTest {
    static final int ONE = BlobPacking.capacity(1);

    @Test
    void capacities() {
        assertEquals(126_971, ONE);
        assertEquals(2 * 126_976 - 5, BlobPacking.capacity(2));
        assertEquals(1, BlobPacking.blobsFor(0));
        assertEquals(1, BlobPacking.blobsFor(ONE));
        assertEquals(2, BlobPacking.blobsFor(ONE + 1));
        assertEquals(9, BlobPacking.blobsFor(BlobPacking.capacity(9)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 26, 27, 30, 31, 32, 1000, 126_971, 126_972, 253_947, 253_948, 600_000})
    void roundTrip(int size) throws Exception {
        Bytes data = random(size, size);
        List<Bytes> blobs = BlobPacking.pack(data);
        assertEquals(BlobPacking.blobsFor(size), blobs.size());
        for (Bytes b : blobs) {
            assertEquals(BlobPacking.BYTES_PER_BLOB, b.size());
            for (int e = 0; e < BlobPacking.FIELD_ELEMENTS; e++) {
                assertEquals(0, b.get(e * 32), "top byte of element " + e);
            }
        }
        assertEquals(data, BlobPacking.unpack(blobs));
    }

    @Test
    void layoutIsAsDocumented() {
        List<Bytes> blobs = BlobPacking.pack(Bytes.of((byte) 0xaa, (byte) 0xbb));
        byte[] b = blobs.get(0).toArray();
        // element 0: 0x00, version 1, length 2 (4 bytes), then the data
        assertEquals(0, b[0]);
        assertEquals(1, b[1]);
        assertEquals(0, b[2] | b[3] | b[4]);
        assertEquals(2, b[5]);
        assertEquals((byte) 0xaa, b[6]);
        assertEquals((byte) 0xbb, b[7]);
        for (int i = 8; i < b.length; i++) {
            assertEquals(0, b[i]);
        }
        // data byte 25 is the last of element 0, byte 26 the first of element 1 (after its zero top byte)
        byte[] d = new byte[28];
        d[24] = 7;
        d[25] = 8;
        d[26] = 9;
        byte[] c = BlobPacking.pack(Bytes.wrap(d)).get(0).toArray();
        assertEquals(7, c[30]);
        assertEquals(8, c[31]);
        assertEquals(0, c[32]);
        assertEquals(9, c[33]);
    }

    @Test
    void strictUnpacking() {
        List<Bytes> two = BlobPacking.pack(random(ONE + 10, 1));
        expect("none", List.of());
        expect("blob 0: 131071 bytes", List.of(Bytes.wrap(new byte[BlobPacking.BYTES_PER_BLOB - 1])));
        expect("blob 1 field element 7: top byte 0x1", List.of(two.get(0), set(two.get(1), 7 * 32, 1)));
        expect("unknown packing version 2", List.of(set(two.get(0), 1, 2), two.get(1)));
        expect("unknown packing version 0", List.of(Bytes.wrap(new byte[BlobPacking.BYTES_PER_BLOB])));
        // a length one blob holds, sent with an extra (empty) blob
        List<Bytes> one = BlobPacking.pack(random(100, 2));
        List<Bytes> extra = new ArrayList<>(one);
        extra.add(Bytes.wrap(new byte[BlobPacking.BYTES_PER_BLOB]));
        expect("needs 1 blob(s), got 2", extra);
        // a length beyond what the blobs hold
        expect("is more than 1 blob(s) hold", List.of(set(one.get(0), 2, 0x10)));
        // the first blob of two alone
        expect("is more than 1 blob(s) hold", List.of(two.get(0)));
        // non-zero padding after the data (data ends in element 3 of blob 0)
        expect("non-zero padding after the data in blob 0 field element 4", List.of(set(one.get(0), 4 * 32 + 5, 1)));
        expect("non-zero padding after the data in blob 1 field element 4095",
                List.of(two.get(0), set(two.get(1), BlobPacking.BYTES_PER_BLOB - 1, 1)));
        // a shorter length than the data: the tail becomes non-zero padding
        expect("non-zero padding", List.of(set(one.get(0), 5, 99)));
    }

    static void expect(String message, List<Bytes> blobs) {
        BatchFormatException e = assertThrows(BatchFormatException.class, () -> BlobPacking.unpack(blobs), message);
        assertTrue(e.getMessage().contains(message), "expected '" + message + "' in: " + e.getMessage());
    }

    static Bytes set(Bytes b, int index, int value) {
        byte[] a = b.toArray();
        a[index] = (byte) value;
        return Bytes.wrap(a);
    }

    static Bytes random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        if (size > 0) {
            b[size - 1] |= 1; // a last byte that is not padding-like
        }
        return Bytes.wrap(b);
    }
}
