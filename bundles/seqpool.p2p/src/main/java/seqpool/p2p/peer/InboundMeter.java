package seqpool.p2p.peer;

/**
 * One session's inbound share: a token bucket of {@code bytesPerSecond} that holds at most {@code burstBytes}. A
 * frame the bucket cannot pay for is dropped before anything decodes it, and the sender is charged
 * {@link Offence#FLOODING} at most once per second while it stays over its share: an authenticated peer that streams
 * without limit is dropped, scored down and, within seconds, banned. Pure (the caller passes the clock); one session's
 * I/O thread uses it.
 */
public final class InboundMeter {
    /** What to do with a frame. */
    public enum Verdict {
        PASS, DROP, DROP_AND_PENALIZE
    }

    private static final long PENALTY_INTERVAL_NANOS = 1_000_000_000L;

    private final long bytesPerSecond;
    private final long burstBytes;
    private double tokens;
    private long lastNanos;
    private long lastPenaltyNanos;
    private boolean penalized;
    private long droppedFrames;
    private long droppedBytes;

    public InboundMeter(long bytesPerSecond, long burstBytes, long nowNanos) {
        if (bytesPerSecond < 1 || burstBytes < 1) {
            throw new IllegalArgumentException("an inbound share needs a positive rate and burst");
        }
        this.bytesPerSecond = bytesPerSecond;
        this.burstBytes = burstBytes;
        this.tokens = burstBytes;
        this.lastNanos = nowNanos;
    }

    public Verdict admit(long frameBytes, long nowNanos) {
        long elapsed = Math.max(0, nowNanos - lastNanos);
        lastNanos = nowNanos;
        tokens = Math.min(burstBytes, tokens + elapsed * (double) bytesPerSecond / 1e9);
        if (tokens >= frameBytes) {
            tokens -= frameBytes;
            return Verdict.PASS;
        }
        droppedFrames++;
        droppedBytes += frameBytes;
        if (!penalized || nowNanos - lastPenaltyNanos >= PENALTY_INTERVAL_NANOS) {
            penalized = true;
            lastPenaltyNanos = nowNanos;
            return Verdict.DROP_AND_PENALIZE;
        }
        return Verdict.DROP;
    }

    public long droppedFrames() {
        return droppedFrames;
    }

    public long droppedBytes() {
        return droppedBytes;
    }
}
