package seqpool.tss.host;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import seqpool.api.metrics.HistogramSnapshot;
import seqpool.api.metrics.MetricSink;
import seqpool.api.metrics.MetricSource;
import seqpool.api.tss.TssException;

/**
 * TSS sessions this node took part in, by kind (keygen, reshare, refresh, sign): started, running now, completed,
 * failed by {@link TssException.Kind} (misbehaviour, timeout, invalid request, local), and how long completed ones
 * took. Every session runs through the service API, so {@link #track} sees each one; a failure is counted where the
 * session's future ends. Thread-safe.
 */
final class TssMetrics implements MetricSource {
    enum Session {
        KEYGEN, RESHARE, REFRESH, SIGN;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final double[] BOUNDS = {0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};

    private final Map<Session, LongAdder> started = new EnumMap<>(Session.class);
    private final Map<Session, LongAdder> completed = new EnumMap<>(Session.class);
    private final Map<Session, Map<TssException.Kind, LongAdder>> failed = new EnumMap<>(Session.class);
    private final Map<Session, AtomicInteger> running = new EnumMap<>(Session.class);
    private final Map<Session, long[]> durations = new EnumMap<>(Session.class);
    private final Map<Session, double[]> sums = new EnumMap<>(Session.class);

    TssMetrics() {
        for (Session s : Session.values()) {
            started.put(s, new LongAdder());
            completed.put(s, new LongAdder());
            running.put(s, new AtomicInteger());
            Map<TssException.Kind, LongAdder> byKind = new EnumMap<>(TssException.Kind.class);
            for (TssException.Kind k : TssException.Kind.values()) {
                byKind.put(k, new LongAdder());
            }
            failed.put(s, byKind);
            durations.put(s, new long[BOUNDS.length + 1]);
            sums.put(s, new double[1]);
        }
    }

    /** Counts the session that {@code stage} ends. */
    <T> CompletionStage<T> track(Session s, CompletionStage<T> stage) {
        long start = System.nanoTime();
        started.get(s).increment();
        running.get(s).incrementAndGet();
        stage.whenComplete((v, err) -> {
            running.get(s).decrementAndGet();
            if (err == null) {
                completed.get(s).increment();
                observe(s, (System.nanoTime() - start) / 1e9);
            } else {
                failed.get(s).get(kind(err)).increment();
            }
        });
        return stage;
    }

    private static TssException.Kind kind(Throwable err) {
        Throwable t = err;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof TssException e ? e.kind() : TssException.Kind.LOCAL;
    }

    private synchronized void observe(Session s, double seconds) {
        int b = 0;
        while (b < BOUNDS.length && seconds > BOUNDS[b]) {
            b++;
        }
        durations.get(s)[b]++;
        sums.get(s)[0] += seconds;
    }

    @Override
    public void collect(MetricSink sink) {
        for (Session s : Session.values()) {
            Map<String, String> l = Map.of("session", s.label());
            sink.counter("seqpool_tss_sessions_started", "TSS sessions this node joined, by kind", l,
                    started.get(s).sum());
            sink.gauge("seqpool_tss_sessions_running", "TSS sessions of this node still running, by kind", l,
                    running.get(s).get());
            sink.counter("seqpool_tss_sessions_completed", "TSS sessions of this node that completed, by kind", l,
                    completed.get(s).sum());
            failed.get(s).forEach((k, n) -> sink.counter("seqpool_tss_sessions_failed",
                    "TSS sessions of this node that failed, by kind and reason (misbehaviour, timeout, invalid "
                            + "request, local)",
                    Map.of("session", s.label(), "reason", k.name().toLowerCase(java.util.Locale.ROOT)), n.sum()));
            sink.histogram("seqpool_tss_session_seconds", "Duration of the TSS sessions of this node that completed",
                    l, snapshot(s));
        }
    }

    private synchronized HistogramSnapshot snapshot(Session s) {
        List<Double> bounds = new ArrayList<>();
        List<Long> c = new ArrayList<>();
        for (int b = 0; b <= BOUNDS.length; b++) {
            bounds.add(b < BOUNDS.length ? BOUNDS[b] : Double.POSITIVE_INFINITY);
            c.add(durations.get(s)[b]);
        }
        return new HistogramSnapshot(bounds, c, sums.get(s)[0]);
    }
}
