package seqpool.bench.l2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PercentilesTest {
    @Test
    void nearestRank() {
        long[] v = new long[100];
        for (int i = 0; i < 100; i++) {
            v[i] = 100 - i; // 1..100, unsorted
        }
        Percentiles p = new Percentiles(v);
        assertEquals(50, p.at(50));
        assertEquals(99, p.at(99));
        assertEquals(100, p.at(100));
        assertEquals(1, p.at(0.5));
        assertEquals(100, p.max());
    }

    @Test
    void smallSamples() {
        assertEquals(7, new Percentiles(new long[] {7}).at(99));
        Percentiles two = new Percentiles(new long[] {10, 20});
        assertEquals(10, two.at(50));
        assertEquals(20, two.at(51));
        assertEquals(20, two.at(99));
    }

    @Test
    void emptyIsMinusOneNotZero() {
        assertEquals(-1, new Percentiles(new long[0]).at(50));
        assertThrows(IllegalArgumentException.class, () -> new Percentiles(new long[] {1}).at(0));
    }
}
