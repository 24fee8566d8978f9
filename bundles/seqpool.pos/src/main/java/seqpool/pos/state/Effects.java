package seqpool.pos.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import seqpool.api.pos.PosTask;
import seqpool.api.pos.ProducerAssignment;

/**
 * What a committed block made happen, collected while the block is applied and handed out only after it is committed:
 * trace events (named like the EpochRotation spec's actions), new assignments, opened and closed tasks, committed
 * forced-inclusion messages. Not
 * thread-safe.
 */
public final class Effects {
    /** A trace event: the spec action's name and its parameters. */
    public record TraceEvent(String event, Map<String, Object> fields) {
    }

    private final List<TraceEvent> trace = new ArrayList<>();
    private final List<ProducerAssignment> assignments = new ArrayList<>();
    private final List<PosTask> opened = new ArrayList<>();
    private final List<PosTask> closed = new ArrayList<>();
    private final List<seqpool.api.pos.ForcedMessage> forced = new ArrayList<>();

    void trace(String event, Object... keyValues) {
        Map<String, Object> f = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            f.put((String) keyValues[i], keyValues[i + 1]);
        }
        trace.add(new TraceEvent(event, f));
    }

    void assigned(ProducerAssignment a) {
        assignments.add(a);
    }

    void opened(PosTask t) {
        opened.add(t);
    }

    void closed(PosTask t) {
        closed.add(t);
    }

    void forcedQueued(seqpool.api.pos.ForcedMessage m) {
        forced.add(m);
    }

    /** Forced-inclusion messages committed by the block, for the store's forced log. */
    public List<seqpool.api.pos.ForcedMessage> forced() {
        return forced;
    }

    public List<TraceEvent> trace() {
        return trace;
    }

    public List<ProducerAssignment> assignments() {
        return assignments;
    }

    public List<PosTask> opened() {
        return opened;
    }

    public List<PosTask> closed() {
        return closed;
    }
}
