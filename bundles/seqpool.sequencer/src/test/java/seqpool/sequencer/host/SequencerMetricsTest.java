package seqpool.sequencer.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.metrics.HistogramSnapshot;
import seqpool.api.metrics.MetricSink;
import seqpool.api.sequencer.L2Block;
import seqpool.sequencer.chain.Fault;

class SequencerMetricsTest {
    private static final Address SELF = Address.fromHex("0x1111111111111111111111111111111111111111");
    private static final Address OTHER = Address.fromHex("0x2222222222222222222222222222222222222222");

    private final SequencerMetrics metrics = new SequencerMetrics(SELF, () -> 7, () -> true, () -> 2);
    private final Map<String, HistogramSnapshot> histograms = new HashMap<>();

    @Test
    void blocksAreCountedByOriginWithTheirTransactionsAndIntervals() {
        metrics.headAdvanced(block(1, OTHER, 10_000, 3), 10_040);
        metrics.headAdvanced(block(2, SELF, 11_000, 0), 11_010);
        metrics.headAdvanced(block(3, SELF, 11_250, 5), 11_600);
        metrics.submitted(true);
        metrics.submitted(false);
        metrics.rejected(Fault.WRONG_PRODUCER);
        metrics.equivocation();
        Map<String, Double> m = scrape();
        assertEquals(2.0, m.get("seqpool_sequencer_blocks{origin=produced}"));
        assertEquals(1.0, m.get("seqpool_sequencer_blocks{origin=followed}"));
        assertEquals(8.0, m.get("seqpool_sequencer_transactions{}"));
        assertEquals(7.0, m.get("seqpool_sequencer_mempool_transactions{}"));
        assertEquals(1.0, m.get("seqpool_sequencer_producing{}"));
        assertEquals(2.0, m.get("seqpool_sequencer_held_blocks{}"));
        assertEquals(1.0, m.get("seqpool_sequencer_submitted_transactions{result=accepted}"));
        assertEquals(1.0, m.get("seqpool_sequencer_submitted_transactions{result=rejected}"));
        assertEquals(1.0, m.get("seqpool_sequencer_rejected_inputs{fault=WRONG_PRODUCER}"));
        assertEquals(0.0, m.get("seqpool_sequencer_rejected_inputs{fault=BAD_SIGNATURE}"));
        assertEquals(1.0, m.get("seqpool_sequencer_equivocations{}"));

        HistogramSnapshot interval = histograms.get("seqpool_sequencer_block_interval_seconds");
        assertEquals(2, interval.count(), "two intervals between three blocks");
        assertEquals(1.25, interval.sum(), 1e-9, "1 s and 0.25 s");
        HistogramSnapshot late = histograms.get("seqpool_sequencer_block_lateness_seconds");
        assertEquals(3, late.count());
        assertEquals(0.04 + 0.01 + 0.35, late.sum(), 1e-9);
        assertEquals(2L, late.counts().get(0), "40 ms and 10 ms fall in the first bucket (50 ms)");
    }

    private static L2Block block(long n, Address producer, long ts, int txs) {
        List<Bytes> body = java.util.stream.IntStream.range(0, txs).mapToObj(i -> Bytes.wrap(new byte[] {(byte) i}))
                .toList();
        return new L2Block(n, Hash32.ZERO, Hash32.ZERO, 1, producer, ts, body, Hash32.ZERO, null);
    }

    private Map<String, Double> scrape() {
        Map<String, Double> out = new HashMap<>();
        metrics.collect(new MetricSink() {
            @Override
            public void gauge(String name, String help, Map<String, String> labels, double value) {
                out.put(name + new TreeMap<>(labels).toString().replace(" ", ""), value);
            }

            @Override
            public void counter(String name, String help, Map<String, String> labels, double value) {
                out.put(name + new TreeMap<>(labels).toString().replace(" ", ""), value);
            }

            @Override
            public void histogram(String name, String help, Map<String, String> labels, HistogramSnapshot h) {
                histograms.put(name, h);
            }
        });
        return out;
    }
}
