package seqpool.bridge.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {
    @ParameterizedTest(name = "failures {0} -> {1} ms")
    @CsvSource({"0, 0", "1, 250", "2, 500", "3, 1000", "7, 16000", "8, 30000", "9, 30000", "63, 30000",
        "64, 30000", "2147483647, 30000"})
    void doublesUpToTheCap(int failures, long expected) {
        assertEquals(expected, new Backoff(250, 30_000).delay(failures));
    }

    @Test
    void hugeMinimumDoesNotOverflow() {
        Backoff b = new Backoff(Backoff.MAX_MILLIS, Backoff.MAX_MILLIS);
        assertEquals(Backoff.MAX_MILLIS, b.delay(40));
    }

    @Test
    void rejectsBadBounds() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(100, 10));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(1, Backoff.MAX_MILLIS + 1));
    }
}
