package seqpool.submitter.cut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import seqpool.submitter.batch.BatchFormat;
import seqpool.submitter.blob.BlobPacking;
import seqpool.submitter.cut.CutDecision.Cut;
import seqpool.submitter.cut.CutDecision.Oversized;
import seqpool.submitter.cut.CutDecision.Reason;
import seqpool.submitter.cut.CutDecision.Wait;

/** The cut rule as a table: pending blocks of given sizes, their age, and the decision. */
class BatchCutterTest {
    /** Limits: 1,000 data bytes, 3,000 raw bytes, 60 s. */
    static final CutLimits LIMITS = new CutLimits(1000, 3000, 60_000);

    /** Every block adds {@code data} compressed and {@code raw} uncompressed bytes; a 2-byte envelope. */
    static BatchCutter.Size size(int k, int[] data, int[] raw) {
        int d = 2;
        int r = 0;
        for (int i = 0; i < k; i++) {
            d += data[i];
            r += raw[i];
        }
        return new BatchCutter.Size(d, r);
    }

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("nothing pending", new int[0], new int[0], 0L, new Wait()),
                Arguments.of("young and small: wait", new int[] {100, 100}, new int[] {300, 300}, 10_000L, new Wait()),
                Arguments.of("oldest just reached the age: all", new int[] {100, 100}, new int[] {300, 300}, 60_000L,
                        new Cut(2, Reason.AGE)),
                Arguments.of("old: all", new int[] {100}, new int[] {300}, 3_600_000L, new Cut(1, Reason.AGE)),
                Arguments.of("exactly full still waits", new int[] {499, 499}, new int[] {300, 300}, 0L, new Wait()),
                Arguments.of("one byte over: the prefix", new int[] {499, 500}, new int[] {300, 300}, 0L,
                        new Cut(1, Reason.SIZE)),
                Arguments.of("many blocks over: longest prefix", new int[] {90, 90, 90, 90, 90, 90, 90, 90, 90, 90,
                    90, 90, 90}, new int[] {10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10}, 0L,
                        new Cut(11, Reason.SIZE)),
                Arguments.of("size wins over age", new int[] {600, 600}, new int[] {10, 10}, 999_999L,
                        new Cut(1, Reason.SIZE)),
                Arguments.of("raw bound cuts too", new int[] {10, 10, 10, 10}, new int[] {1000, 1000, 1000, 1},
                        0L, new Cut(3, Reason.SIZE)),
                Arguments.of("one block alone too big", new int[] {1200, 10}, new int[] {10, 10}, 0L,
                        new Oversized(1202, 10)),
                Arguments.of("the only block too big", new int[] {1200}, new int[] {10}, 0L, new Oversized(1202, 10)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decides(String name, int[] data, int[] raw, long age, CutDecision expected) {
        long oldest = 1_000_000L;
        CutDecision d = new BatchCutter(LIMITS).decide(data.length, oldest, oldest + age, k -> {
            assertTrue(k >= 1 && k <= data.length, "asked for a prefix of " + k);
            return size(k, data, raw);
        });
        assertEquals(expected, d, name);
    }

    @Test
    void asksForFewPrefixes() {
        int n = 10_000;
        int[] data = new int[n];
        int[] raw = new int[n];
        java.util.Arrays.fill(data, 1);
        java.util.Arrays.fill(raw, 1);
        List<Integer> asked = new ArrayList<>();
        CutDecision d = new BatchCutter(LIMITS).decide(n, 0, 0, k -> {
            asked.add(k);
            return size(k, data, raw);
        });
        assertEquals(new Cut(998, Reason.SIZE), d);
        assertTrue(asked.size() <= 16, "binary search: " + asked.size() + " prefixes");
    }

    @Test
    void limitsForBlobsUseTheBlobCapacityAndTheFormatBound() {
        CutLimits six = CutLimits.forBlobs(6, 120_000);
        assertEquals(BlobPacking.capacity(6), six.maxDataBytes());
        assertEquals(BatchFormat.MAX_PAYLOAD_BYTES, six.maxRawBytes());
        assertThrows(IllegalArgumentException.class, () -> new CutLimits(1000, BatchFormat.MAX_PAYLOAD_BYTES + 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new CutLimits(1000, 1000, -1));
    }
}
