package seqpool.sequencer.rpc.dispatch;

import java.util.function.LongSupplier;

/**
 * A token bucket: holds at most {@code burst} tokens and gains {@code perSecond} tokens a second; each call takes one.
 * The clock ({@code nanoTime}) is passed in. Thread-safe. A rate of 0 or less means unlimited.
 */
public final class TokenBucket {
    private final double perNano;
    private final double burst;
    private final LongSupplier nanoClock;
    private double tokens;
    private long last;

    public TokenBucket(double perSecond, int burst, LongSupplier nanoClock) {
        if (perSecond > 0 && burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1");
        }
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.nanoClock = nanoClock;
        this.tokens = burst;
        this.last = nanoClock.getAsLong();
    }

    public synchronized boolean tryAcquire() {
        if (perNano <= 0) {
            return true;
        }
        long now = nanoClock.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
