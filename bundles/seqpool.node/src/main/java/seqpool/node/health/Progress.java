package seqpool.node.health;

/** Remembers when a counter (a height, a head) last moved. Not thread-safe: the health monitor guards it. */
final class Progress {
    private long value = Long.MIN_VALUE;
    private long changedAt;

    /** Records the value seen at {@code now}; returns how long ago (ms) it last changed. */
    long observe(long v, long now) {
        if (v != value) {
            value = v;
            changedAt = now;
        }
        return now - changedAt;
    }
}
