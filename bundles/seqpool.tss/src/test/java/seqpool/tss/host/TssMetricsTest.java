package seqpool.tss.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import seqpool.api.metrics.HistogramSnapshot;
import seqpool.api.metrics.MetricSink;
import seqpool.api.tss.TssException;

class TssMetricsTest {
    private final TssMetrics metrics = new TssMetrics();

    @Test
    void sessionsAreCountedByKindAndFailuresByReason() {
        CompletableFuture<String> sign = new CompletableFuture<>();
        CompletableFuture<String> keygen = new CompletableFuture<>();
        CompletableFuture<String> reshare = new CompletableFuture<>();
        metrics.track(TssMetrics.Session.SIGN, sign);
        metrics.track(TssMetrics.Session.KEYGEN, keygen);
        metrics.track(TssMetrics.Session.RESHARE, reshare);
        Map<String, Double> m = scrape();
        assertEquals(1.0, m.get("seqpool_tss_sessions_running{session=sign}"));
        assertEquals(1.0, m.get("seqpool_tss_sessions_started{session=keygen}"));

        sign.complete("sig");
        keygen.completeExceptionally(new CompletionException(
                new TssException(TssException.Kind.TIMEOUT, "n3 did not answer", Set.of())));
        reshare.completeExceptionally(new IllegalStateException("store closed"));
        m = scrape();
        assertEquals(0.0, m.get("seqpool_tss_sessions_running{session=sign}"));
        assertEquals(1.0, m.get("seqpool_tss_sessions_completed{session=sign}"));
        assertEquals(1.0, m.get("seqpool_tss_session_seconds_count{session=sign}"));
        assertEquals(1.0, m.get("seqpool_tss_sessions_failed{reason=timeout,session=keygen}"), "the TssException's kind");
        assertEquals(0.0, m.get("seqpool_tss_sessions_failed{reason=misbehaviour,session=keygen}"));
        assertEquals(1.0, m.get("seqpool_tss_sessions_failed{reason=local,session=reshare}"), "anything else is local");
        assertEquals(0.0, m.get("seqpool_tss_sessions_completed{session=keygen}"));
    }

    /** name{k=v,...} (labels sorted) → value; a histogram as its _count. */
    private Map<String, Double> scrape() {
        Map<String, Double> out = new HashMap<>();
        metrics.collect(new MetricSink() {
            @Override
            public void gauge(String name, String help, Map<String, String> labels, double value) {
                out.put(key(name, labels), value);
            }

            @Override
            public void counter(String name, String help, Map<String, String> labels, double value) {
                out.put(key(name, labels), value);
            }

            @Override
            public void histogram(String name, String help, Map<String, String> labels, HistogramSnapshot h) {
                out.put(key(name + "_count", labels), (double) h.count());
            }
        });
        return out;
    }

    private static String key(String name, Map<String, String> labels) {
        return name + new java.util.TreeMap<>(labels).toString().replace(" ", "");
    }
}
