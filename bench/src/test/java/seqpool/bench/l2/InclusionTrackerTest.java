package seqpool.bench.l2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class InclusionTrackerTest {
    private static final long MS = 1_000_000L;

    @Test
    void latencyIsToTheLastNodeAndThroughputCountsCompletionsInTheWindow() {
        InclusionTracker t = new InclusionTracker(3, 2);
        int a = t.register("0xaa", 0);
        int b = t.register("0xbb", 1);
        int c = t.register("0xcc", 0);
        t.seal();
        t.submitted(a, 1000 * MS);
        t.submitted(b, 1100 * MS);
        t.submitted(c, 1200 * MS);
        t.seen(0, List.of("0xaa", "0xbb", "0xother"), 1500 * MS);
        assertEquals(1, t.seenFromSender(0));
        assertEquals(1, t.seenFromSender(1));
        t.seen(1, List.of("0xaa", "0xbb"), 1600 * MS);
        t.seen(2, List.of("0xaa"), 1700 * MS);
        t.seen(2, List.of("0xaa"), 1900 * MS); // the same block again: the first time stays
        t.seen(2, List.of("0xbb"), 2200 * MS); // completes after the window below
        t.seen(0, List.of("0xcc"), 1800 * MS);

        InclusionTracker.Summary s = t.summarize(900 * MS, 2000 * MS);
        assertEquals(3, s.sent());
        assertEquals(1, s.included()); // only a reached all three nodes before 2000 ms
        assertEquals(1 / 1.1, s.tps(), 1e-9);
        assertEquals(2, s.latency().count()); // a and b are on every node by now, c on one
        assertEquals(700 * MS, s.latency().at(50));
        assertEquals(1100 * MS, s.latency().at(99));
        assertEquals(500 * MS, s.firstNode().at(50)); // a 500, b 400, c 600
        assertEquals(0, s.missing());
        assertEquals(1, s.partial());
    }

    @Test
    void refusedAndUnsentAreNotCountedAsLost() {
        InclusionTracker t = new InclusionTracker(1, 1);
        int a = t.register("0xaa", 0);
        int b = t.register("0xbb", 0);
        t.register("0xcc", 0); // never submitted
        t.seal();
        t.submitted(a, 10 * MS);
        t.submitted(b, 10 * MS);
        t.refused(b);
        InclusionTracker.Summary s = t.summarize(0, 100 * MS);
        assertEquals(1, s.sent());
        assertEquals(1, s.missing());
        assertEquals(-1, s.latency().at(50));
    }

    @Test
    void onlySubmissionsInsideTheWindowHaveLatencies() {
        InclusionTracker t = new InclusionTracker(1, 1);
        int early = t.register("0x01", 0);
        int inside = t.register("0x02", 0);
        t.seal();
        t.submitted(early, 50 * MS);
        t.submitted(inside, 150 * MS);
        t.seen(0, List.of("0x01", "0x02"), 160 * MS);
        InclusionTracker.Summary s = t.summarize(100 * MS, 200 * MS);
        assertEquals(1, s.sent());
        assertEquals(2, s.included()); // both completed inside the window
        assertEquals(10 * MS, s.latency().at(50));
    }

    @Test
    void registrationRules() {
        InclusionTracker t = new InclusionTracker(2, 1);
        t.register("0xaa", 0);
        assertThrows(IllegalArgumentException.class, () -> t.register("0xaa", 0));
        t.seal();
        assertThrows(IllegalStateException.class, () -> t.register("0xbb", 0));
    }
}
