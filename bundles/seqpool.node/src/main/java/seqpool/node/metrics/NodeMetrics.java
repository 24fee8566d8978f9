package seqpool.node.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.function.Supplier;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import seqpool.api.metrics.MetricSource;

/**
 * The node's Prometheus registry: JVM metrics (the client's {@code JvmMetrics}) and, at every scrape, every
 * {@link MetricSource} — the node's own (heights, peers, epoch, L1 position, components) and those the modules
 * register. Renders the Prometheus text exposition format (version 0.0.4). Thread-safe.
 */
public final class NodeMetrics {
    private static final System.Logger LOG = System.getLogger(NodeMetrics.class.getName());

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    public NodeMetrics(Supplier<List<MetricSource>> sources) {
        JvmMetrics.builder().register(registry);
        registry.register((MultiCollector) () -> collect(sources.get()));
    }

    private static MetricSnapshots collect(List<MetricSource> sources) {
        SnapshotSink sink = new SnapshotSink();
        for (MetricSource s : sources) {
            try {
                s.collect(sink);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "metric source {0} failed: {1}", s.getClass().getName(), e.toString());
            }
        }
        return new MetricSnapshots(sink.snapshots());
    }

    public String contentType() {
        return writer.getContentType();
    }

    /** One scrape, rendered. */
    public byte[] scrape() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
        writer.write(out, registry.scrape());
        return out.toByteArray();
    }
}
