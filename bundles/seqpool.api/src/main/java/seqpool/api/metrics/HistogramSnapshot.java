package seqpool.api.metrics;

import java.util.List;

/**
 * A histogram at one moment: {@code counts.get(i)} observations fell at or below {@code upperBounds.get(i)} and above
 * the previous bound (not cumulative); the last bound must be {@code Double.POSITIVE_INFINITY}. {@code sum} is the sum
 * of all observations.
 */
public record HistogramSnapshot(List<Double> upperBounds, List<Long> counts, double sum) {
    public HistogramSnapshot {
        upperBounds = List.copyOf(upperBounds);
        counts = List.copyOf(counts);
        if (upperBounds.isEmpty() || upperBounds.size() != counts.size()) {
            throw new IllegalArgumentException("one count per bucket bound, at least one bucket");
        }
        if (upperBounds.get(upperBounds.size() - 1) != Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("the last bucket bound must be +Inf");
        }
        for (int i = 1; i < upperBounds.size(); i++) {
            if (!(upperBounds.get(i) > upperBounds.get(i - 1))) {
                throw new IllegalArgumentException("bucket bounds must increase: " + upperBounds);
            }
        }
    }

    /** All observations. */
    public long count() {
        return counts.stream().mapToLong(Long::longValue).sum();
    }
}
