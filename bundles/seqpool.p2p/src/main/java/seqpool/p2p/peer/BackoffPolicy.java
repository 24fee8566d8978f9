package seqpool.p2p.peer;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter" for reconnecting to a configured peer: before attempt {@code n} (0-based,
 * counting failures since the last session) the base delay is {@code min(max, min·2^n)} and the actual delay is drawn
 * uniformly from [base/2, base]. The jitter keeps a pool of nodes that lost a peer at the same moment from redialing
 * in lock-step. Immutable and thread-safe (the random source is the caller's).
 */
public final class BackoffPolicy {
    private final long minMillis;
    private final long maxMillis;

    public BackoffPolicy(long minMillis, long maxMillis) {
        if (minMillis < 1 || maxMillis < minMillis) {
            throw new IllegalArgumentException("backoff needs 1 ≤ min ≤ max, got min " + minMillis + " ms, max " + maxMillis + " ms");
        }
        this.minMillis = minMillis;
        this.maxMillis = maxMillis;
    }

    /** The undithered delay before attempt {@code attempt}. */
    public long baseMillis(int attempt) {
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must be ≥ 0");
        }
        if (attempt >= 63 || minMillis > (maxMillis >>> attempt)) {
            return maxMillis;
        }
        return Math.min(maxMillis, minMillis << attempt);
    }

    public Duration delay(int attempt, RandomGenerator random) {
        long base = baseMillis(attempt);
        long half = base / 2;
        return Duration.ofMillis(half + random.nextLong(base - half + 1));
    }
}
