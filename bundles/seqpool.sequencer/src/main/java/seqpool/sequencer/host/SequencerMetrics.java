package seqpool.sequencer.host;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

import seqpool.api.common.Address;
import seqpool.api.metrics.HistogramSnapshot;
import seqpool.api.metrics.MetricSink;
import seqpool.api.metrics.MetricSource;
import seqpool.api.sequencer.L2Block;
import seqpool.sequencer.chain.Fault;

/**
 * What the sequencer does, as the operator watches it: blocks this node produced and followed, the transactions they
 * carried (the source of tx/s), client submissions by result, rejected l2 input by fault, equivocations, production
 * failures, the mempool, and two histograms per block: the interval between consecutive block timestamps, and how late
 * a block reached this node's head (wall clock at the head minus the block's timestamp). Fed on the sequencer thread
 * (and the JSON-RPC threads for submissions); read by scrapes on any thread.
 */
final class SequencerMetrics implements MetricSource {
    private static final double[] BOUNDS = {0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 30};

    private final Address self;
    private final IntSupplier mempool;
    private final java.util.function.BooleanSupplier producing;
    private final IntSupplier held;
    private final LongAdder produced = new LongAdder();
    private final LongAdder followed = new LongAdder();
    private final LongAdder transactions = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder equivocations = new LongAdder();
    private final LongAdder productionFailures = new LongAdder();
    private final Map<Fault, LongAdder> rejected = new EnumMap<>(Fault.class);
    private final Buckets interval = new Buckets();
    private final Buckets lateness = new Buckets();
    private long lastTimestamp = -1;

    SequencerMetrics(Address self, IntSupplier mempool, java.util.function.BooleanSupplier producing,
            IntSupplier held) {
        this.self = self;
        this.mempool = mempool;
        this.producing = producing;
        this.held = held;
        for (Fault f : Fault.values()) {
            rejected.put(f, new LongAdder());
        }
    }

    /** The head advanced to {@code block} at {@code nowMillis}. Sequencer thread. */
    void headAdvanced(L2Block block, long nowMillis) {
        (block.producer().equals(self) ? produced : followed).increment();
        transactions.add(block.transactions().size());
        if (lastTimestamp >= 0 && block.timestampMillis() >= lastTimestamp) {
            interval.observe((block.timestampMillis() - lastTimestamp) / 1e3);
        }
        lastTimestamp = block.timestampMillis();
        lateness.observe(Math.max(0, nowMillis - block.timestampMillis()) / 1e3);
    }

    void submitted(boolean ok) {
        (ok ? accepted : refused).increment();
    }

    void rejected(Fault fault) {
        rejected.get(fault).increment();
    }

    void equivocation() {
        equivocations.increment();
    }

    void productionFailed() {
        productionFailures.increment();
    }

    @Override
    public void collect(MetricSink sink) {
        sink.gauge("seqpool_sequencer_mempool_transactions", "Transactions waiting in this node's mempool",
                mempool.getAsInt());
        sink.gauge("seqpool_sequencer_producing", "1 while this node is the assigned L2 producer",
                producing.getAsBoolean() ? 1 : 0);
        sink.gauge("seqpool_sequencer_held_blocks", "Blocks received ahead of the head, held until their parent",
                held.getAsInt());
        String blocksHelp = "L2 blocks added to this node's chain: produced here, or followed (checked and re-executed)";
        sink.counter("seqpool_sequencer_blocks", blocksHelp, Map.of("origin", "produced"), produced.sum());
        sink.counter("seqpool_sequencer_blocks", blocksHelp, Map.of("origin", "followed"), followed.sum());
        sink.counter("seqpool_sequencer_transactions", "Transactions in the L2 blocks added to this node's chain",
                transactions.sum());
        String submitHelp = "Transactions clients submitted to this node, by mempool result";
        sink.counter("seqpool_sequencer_submitted_transactions", submitHelp, Map.of("result", "accepted"),
                accepted.sum());
        sink.counter("seqpool_sequencer_submitted_transactions", submitHelp, Map.of("result", "rejected"),
                refused.sum());
        rejected.forEach((f, n) -> sink.counter("seqpool_sequencer_rejected_inputs",
                "l2 messages from peers rejected, by fault (the peer is penalized)", Map.of("fault", f.name()),
                n.sum()));
        sink.counter("seqpool_sequencer_equivocations", "Producers seen signing two blocks at one L2 number",
                equivocations.sum());
        sink.counter("seqpool_sequencer_production_failures", "Blocks this node was assigned but could not produce",
                productionFailures.sum());
        sink.histogram("seqpool_sequencer_block_interval_seconds",
                "Timestamp difference between consecutive L2 blocks", Map.of(), interval.snapshot());
        sink.histogram("seqpool_sequencer_block_lateness_seconds",
                "Wall clock when a block became this node's head, minus the block's timestamp", Map.of(),
                lateness.snapshot());
    }

    /** Non-cumulative buckets over {@link #BOUNDS}, synchronized (one writer, scrapes read). */
    private static final class Buckets {
        private final long[] counts = new long[BOUNDS.length + 1];
        private double sum;

        synchronized void observe(double seconds) {
            int b = 0;
            while (b < BOUNDS.length && seconds > BOUNDS[b]) {
                b++;
            }
            counts[b]++;
            sum += seconds;
        }

        synchronized HistogramSnapshot snapshot() {
            List<Double> bounds = new ArrayList<>();
            List<Long> c = new ArrayList<>();
            for (int b = 0; b <= BOUNDS.length; b++) {
                bounds.add(b < BOUNDS.length ? BOUNDS[b] : Double.POSITIVE_INFINITY);
                c.add(counts[b]);
            }
            return new HistogramSnapshot(bounds, c, sum);
        }
    }
}
