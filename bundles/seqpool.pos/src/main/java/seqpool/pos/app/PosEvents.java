package seqpool.pos.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import seqpool.api.pos.PosListener;
import seqpool.api.pos.PosTask;
import seqpool.api.pos.ProducerAssignment;
import seqpool.api.trace.TraceSink;
import seqpool.pos.state.Effects;
import seqpool.pos.state.PosState;

/**
 * Hands out what a committed block did: its trace events (one line each, node name first) and the listeners'
 * callbacks, in commit order, on the consensus thread. A listener that throws is logged and skipped.
 */
public final class PosEvents {
    private static final System.Logger LOG = System.getLogger(PosEvents.class.getName());
    private final List<PosListener> listeners = new CopyOnWriteArrayList<>();
    private final TraceSink trace;
    private final String node;

    public PosEvents(TraceSink trace, String node) {
        this.trace = trace;
        this.node = node;
    }

    public AutoCloseable subscribe(PosListener l) {
        listeners.add(l);
        return () -> listeners.remove(l);
    }

    void publish(PosState s, Effects fx) {
        for (Effects.TraceEvent e : fx.trace()) {
            trace.record(node, e.event(), e.fields());
        }
        for (PosListener l : listeners) {
            try {
                for (ProducerAssignment a : fx.assignments()) {
                    l.onAssignment(a);
                }
                for (PosTask t : fx.closed()) {
                    l.onTaskClosed(t);
                }
                for (PosTask t : fx.opened()) {
                    l.onTask(t);
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "PoS listener failed at height " + s.height(), e);
            }
        }
    }
}
