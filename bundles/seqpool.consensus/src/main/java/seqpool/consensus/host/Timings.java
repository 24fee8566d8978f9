package seqpool.consensus.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import seqpool.api.metrics.HistogramSnapshot;
import seqpool.api.metrics.MetricSink;

/**
 * Durations of one height's steps as this node lives them: {@code propose} from the height's first round to its own
 * prevote (waiting for, then judging the proposal), {@code prevote} from its prevote to its precommit (gathering
 * prevotes), {@code precommit} from its precommit to the decision; and the whole height. Fed on the consensus event
 * thread, read by scrapes: synchronized.
 */
final class Timings {
    private static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
    private static final String[] STEPS = {"propose", "prevote", "precommit"};

    private final long[][] counts = new long[STEPS.length + 1][BOUNDS.length + 1];
    private final double[] sums = new double[STEPS.length + 1];
    private long height = -1;
    private long start;
    private long prevoteAt;
    private long precommitAt;

    synchronized void newRound(long h, long now) {
        if (h != height) {
            height = h;
            start = now;
            prevoteAt = 0;
            precommitAt = 0;
        }
    }

    synchronized void voted(long h, boolean prevote, long now) {
        if (h != height) {
            return;
        }
        if (prevote && prevoteAt == 0) {
            prevoteAt = now;
            observe(0, now - start);
        } else if (!prevote && precommitAt == 0 && prevoteAt != 0) {
            precommitAt = now;
            observe(1, now - prevoteAt);
        }
    }

    synchronized void decided(long h, long now) {
        if (h != height) {
            return;
        }
        if (precommitAt != 0) {
            observe(2, now - precommitAt);
        }
        observe(3, now - start);
        height = -1;
    }

    private void observe(int series, long nanos) {
        double s = nanos / 1e9;
        int b = 0;
        while (b < BOUNDS.length && s > BOUNDS[b]) {
            b++;
        }
        counts[series][b]++;
        sums[series] += s;
    }

    synchronized void collect(MetricSink sink) {
        for (int i = 0; i < STEPS.length; i++) {
            sink.histogram("seqpool_consensus_step_seconds", "Time this node spent in each step of a height",
                    Map.of("step", STEPS[i]), snapshot(i));
        }
        sink.histogram("seqpool_consensus_height_seconds", "Time from a height's first round to its decision",
                Map.of(), snapshot(STEPS.length));
    }

    private HistogramSnapshot snapshot(int series) {
        List<Double> bounds = new ArrayList<>();
        List<Long> c = new ArrayList<>();
        for (int b = 0; b <= BOUNDS.length; b++) {
            bounds.add(b < BOUNDS.length ? BOUNDS[b] : Double.POSITIVE_INFINITY);
            c.add(counts[series][b]);
        }
        return new HistogramSnapshot(bounds, c, sums[series]);
    }
}
