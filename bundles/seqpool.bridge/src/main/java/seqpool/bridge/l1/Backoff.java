package seqpool.bridge.l1;

/** Capped exponential backoff: after the n-th failure in a row wait {@code min * 2^(n-1)}, at most {@code max}. */
public record Backoff(long minMillis, long maxMillis) {
    public static final long MAX_MILLIS = 3_600_000;

    public Backoff {
        if (minMillis < 1 || maxMillis < minMillis || maxMillis > MAX_MILLIS) {
            throw new IllegalArgumentException("backoff must satisfy 1 <= backoffMinMs <= backoffMaxMs <= "
                    + MAX_MILLIS + ", got " + minMillis + " and " + maxMillis);
        }
    }

    /** The wait after {@code failures} failures in a row (0 when there are none). */
    public long delay(int failures) {
        if (failures <= 0) {
            return 0;
        }
        int shift = Math.min(failures - 1, 62);
        long d = minMillis << shift;
        return d <= 0 || d > maxMillis || (d >> shift) != minMillis ? maxMillis : d;
    }
}
