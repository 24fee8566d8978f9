package seqpool.consensus.host;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import seqpool.api.consensus.SubmitResult;
import seqpool.api.metrics.MetricSink;
import seqpool.api.metrics.MetricSource;
import seqpool.api.trace.TraceSink;

/**
 * The engine's own metrics, taken from the protocol events it already records for trace validation (this node's
 * NewRound, Propose, Prevote, Precommit and Decide): the round being decided, rounds and extra rounds, own proposals
 * and votes by kind and value, the time spent in each step of a height, the time per height, and evidence offered
 * through {@code submitEvidence} by result, and the peer messages the host dropped because its event queue was full.
 * It passes every event on to the real trace sink. Events arrive on the
 * consensus event thread; {@link #collect} may run on any thread.
 */
final class ConsensusMetrics implements TraceSink, MetricSource {
    private final TraceSink next;
    private final Timings timings = new Timings();
    private final LongAdder rounds = new LongAdder();
    private final LongAdder extraRounds = new LongAdder();
    private final LongAdder proposals = new LongAdder();
    private final LongAdder[] votes = {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder()};
    private final LongAdder decisions = new LongAdder();
    private final Map<SubmitResult, LongAdder> evidence = new java.util.EnumMap<>(SubmitResult.class);
    private volatile long round;
    private volatile java.util.function.LongSupplier droppedMessages = () -> 0;

    ConsensusMetrics(TraceSink next) {
        this.next = next;
        for (SubmitResult r : SubmitResult.values()) {
            evidence.put(r, new LongAdder());
        }
    }

    @Override
    public void record(String node, String event, Map<String, Object> fields) {
        long now = System.nanoTime();
        long height = number(fields.get("height"));
        switch (event) {
            case "NewRound" -> {
                round = number(fields.get("round"));
                rounds.increment();
                if (round > 0) {
                    extraRounds.increment();
                }
                timings.newRound(height, now);
            }
            case "Propose" -> proposals.increment();
            case "Prevote", "Precommit" -> {
                boolean prevote = event.equals("Prevote");
                boolean nil = "nil".equals(fields.get("value"));
                votes[(prevote ? 0 : 2) + (nil ? 1 : 0)].increment();
                timings.voted(height, prevote, now);
            }
            case "Decide" -> {
                decisions.increment();
                timings.decided(height, now);
            }
            default -> {
            }
        }
        next.record(node, event, fields);
    }

    /** Where the host counts the peer messages it dropped because its event queue was full. */
    void droppedMessages(java.util.function.LongSupplier source) {
        this.droppedMessages = source;
    }

    void evidence(SubmitResult r) {
        evidence.get(r).increment();
    }

    private static long number(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }

    @Override
    public void collect(MetricSink sink) {
        sink.gauge("seqpool_consensus_round", "Round of the height being decided (0 unless rounds failed)", round);
        sink.counter("seqpool_consensus_rounds", "Rounds this node entered", rounds.sum());
        sink.counter("seqpool_consensus_extra_rounds", "Rounds after round 0 (a proposer failed or was late)",
                extraRounds.sum());
        sink.counter("seqpool_consensus_proposals", "Proposals this node made", proposals.sum());
        String[][] labels = {{"prevote", "block"}, {"prevote", "nil"}, {"precommit", "block"}, {"precommit", "nil"}};
        for (int i = 0; i < 4; i++) {
            sink.counter("seqpool_consensus_votes", "Votes this node signed, by kind and value (block or nil)",
                    Map.of("kind", labels[i][0], "value", labels[i][1]), votes[i].sum());
        }
        sink.counter("seqpool_consensus_decisions", "Heights this node decided", decisions.sum());
        evidence.forEach((r, n) -> sink.counter("seqpool_consensus_evidence_submitted",
                "Equivocation evidence offered through the admin API, by result", Map.of("result", r.name()), n.sum()));
        sink.counter("seqpool_consensus_dropped_messages",
                "Peer consensus messages dropped because the event queue was full", droppedMessages.getAsLong());
        timings.collect(sink);
    }
}
