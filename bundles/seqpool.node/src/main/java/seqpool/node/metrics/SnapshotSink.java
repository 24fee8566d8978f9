package seqpool.node.metrics;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.PrometheusNaming;

import seqpool.api.metrics.HistogramSnapshot;
import seqpool.api.metrics.MetricSink;

/**
 * Collects the samples of one scrape into Prometheus snapshots, one family per name. A sample that cannot be taken (a
 * bad name, a name already used with another type) is skipped and logged once per scrape, never thrown at the source.
 * Not thread-safe: one per scrape.
 */
final class SnapshotSink implements MetricSink {
    private static final System.Logger LOG = System.getLogger(SnapshotSink.class.getName());

    private enum Type { GAUGE, COUNTER, HISTOGRAM }

    private record Family(Type type, String help, List<Object> points) {
    }

    private final Map<String, Family> families = new LinkedHashMap<>();

    @Override
    public void gauge(String name, String help, Map<String, String> labels, double value) {
        Family f = family(name, Type.GAUGE, help);
        if (f != null) {
            f.points().add(GaugeDataPointSnapshot.builder().labels(labels(labels)).value(value).build());
        }
    }

    @Override
    public void counter(String name, String help, Map<String, String> labels, double value) {
        String base = name.endsWith("_total") ? name.substring(0, name.length() - 6) : name;
        Family f = family(base, Type.COUNTER, help);
        if (f != null) {
            f.points().add(CounterDataPointSnapshot.builder().labels(labels(labels)).value(value).build());
        }
    }

    @Override
    public void histogram(String name, String help, Map<String, String> labels, HistogramSnapshot h) {
        Family f = family(name, Type.HISTOGRAM, help);
        if (f != null) {
            f.points().add(HistogramDataPointSnapshot.builder().labels(labels(labels))
                    .classicHistogramBuckets(ClassicHistogramBuckets.of(h.upperBounds(), h.counts())).sum(h.sum())
                    .build());
        }
    }

    private Family family(String name, Type type, String help) {
        if (!PrometheusNaming.isValidMetricName(name)) {
            LOG.log(Level.WARNING, "metric skipped, bad name: {0}", name);
            return null;
        }
        Family f = families.computeIfAbsent(name, n -> new Family(type, help, new ArrayList<>()));
        if (f.type() != type) {
            LOG.log(Level.WARNING, "metric {0} skipped: written as {1} and as {2}", name, f.type(), type);
            return null;
        }
        return f;
    }

    private static Labels labels(Map<String, String> m) {
        if (m.isEmpty()) {
            return Labels.EMPTY;
        }
        List<String> names = new ArrayList<>(m.keySet());
        List<String> values = new ArrayList<>();
        names.forEach(n -> values.add(String.valueOf(m.get(n))));
        return Labels.of(names, values);
    }

    /** The families gathered so far; a family whose samples clash (same labels twice) is dropped and logged. */
    List<MetricSnapshot> snapshots() {
        List<MetricSnapshot> out = new ArrayList<>();
        families.forEach((name, f) -> {
            try {
                out.add(build(name, f));
            } catch (IllegalArgumentException e) {
                LOG.log(Level.WARNING, "metric {0} skipped: {1}", name, e.getMessage());
            }
        });
        return out;
    }

    private static MetricSnapshot build(String name, Family f) {
        return switch (f.type()) {
            case GAUGE -> {
                GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(f.help());
                f.points().forEach(p -> b.dataPoint((GaugeDataPointSnapshot) p));
                yield b.build();
            }
            case COUNTER -> {
                CounterSnapshot.Builder b = CounterSnapshot.builder().name(name).help(f.help());
                f.points().forEach(p -> b.dataPoint((CounterDataPointSnapshot) p));
                yield b.build();
            }
            case HISTOGRAM -> {
                io.prometheus.metrics.model.snapshots.HistogramSnapshot.Builder b =
                        io.prometheus.metrics.model.snapshots.HistogramSnapshot.builder().name(name).help(f.help());
                f.points().forEach(p -> b.dataPoint((HistogramDataPointSnapshot) p));
                yield b.build();
            }
        };
    }
}
