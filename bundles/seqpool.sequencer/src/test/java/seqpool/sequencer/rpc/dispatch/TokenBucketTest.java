package seqpool.sequencer.rpc.dispatch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
    @Test
    void burstThenRate() {
        AtomicLong now = new AtomicLong();
        TokenBucket b = new TokenBucket(10, 3, now::get);
        assertTrue(b.tryAcquire());
        assertTrue(b.tryAcquire());
        assertTrue(b.tryAcquire());
        assertFalse(b.tryAcquire(), "burst used up");
        now.addAndGet(99_000_000); // 0.099 s: 0.99 tokens
        assertFalse(b.tryAcquire());
        now.addAndGet(1_000_000);
        assertTrue(b.tryAcquire(), "one token per 100 ms");
        assertFalse(b.tryAcquire());
        now.addAndGet(60_000_000_000L); // a minute idle: refills only up to the burst
        for (int i = 0; i < 3; i++) {
            assertTrue(b.tryAcquire());
        }
        assertFalse(b.tryAcquire());
    }

    @Test
    void zeroRateIsUnlimited() {
        TokenBucket b = new TokenBucket(0, 1, () -> 0);
        for (int i = 0; i < 10_000; i++) {
            assertTrue(b.tryAcquire());
        }
    }
}
