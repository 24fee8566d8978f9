package seqpool.api.metrics;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A module's own metrics, read on demand: the node calls {@link #collect} on its scrape thread, and the source writes
 * its current values to the sink. Implementations keep their counters themselves (e.g. {@code LongAdder}s), must be
 * thread-safe, fast and non-blocking, and must write each metric name with one type and one help text.
 */
@ConsumerType
@FunctionalInterface
public interface MetricSource {
    void collect(MetricSink sink);
}
