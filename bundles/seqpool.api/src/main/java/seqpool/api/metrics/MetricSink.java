package seqpool.api.metrics;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Receives the samples of a {@link MetricSource} during one scrape. {@code labels} may be empty; a metric written
 * several times with different labels becomes one family with several samples. Names must match
 * {@code [a-zA-Z_:][a-zA-Z0-9_:]*}; a name the sink cannot accept is skipped (and logged), never thrown.
 */
@ProviderType
public interface MetricSink {
    /** A value that goes up and down (a queue length, a height, a round). */
    void gauge(String name, String help, Map<String, String> labels, double value);

    /** A value that only goes up while the module runs (bytes sent, votes received); name without {@code _total}. */
    void counter(String name, String help, Map<String, String> labels, double value);

    /** A distribution of observations (durations in seconds, sizes in bytes). */
    void histogram(String name, String help, Map<String, String> labels, HistogramSnapshot histogram);

    default void gauge(String name, String help, double value) {
        gauge(name, help, Map.of(), value);
    }

    default void counter(String name, String help, double value) {
        counter(name, help, Map.of(), value);
    }
}
