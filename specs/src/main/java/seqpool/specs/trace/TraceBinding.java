package seqpool.specs.trace;

import java.util.List;
import java.util.Map;

/**
 * How the traces of one protocol are checked: which trace spec, which modules it needs, and the constants it takes
 * from a trace. Implementations are stateless.
 */
public interface TraceBinding {
    /** The spec name (e.g. "EpochRotation"); the trace spec module is {@code <spec>Trace}. */
    String spec();

    /** The .tla modules (besides TraceData) the trace spec extends, spec first. */
    default List<String> modules() {
        return List.of(spec(), spec() + "Trace");
    }

    /** The event names this spec knows. */
    List<String> events();

    /**
     * Splits a trace into independently checked parts (default: one part). Each part keeps the events' original
     * line numbers.
     */
    default List<List<TraceEvent>> segments(List<TraceEvent> events) {
        return List.of(events);
    }

    /**
     * The events of a part the trace spec steps through (default: all of them). A binding may drop header events it
     * reads its constants from in {@link #definitions}; the events keep their line numbers.
     */
    default List<TraceEvent> steps(List<TraceEvent> part) {
        return part;
    }

    /** Operator definitions written into TraceData for this part (e.g. {@code TValidators == {"n1"}}). */
    Map<String, String> definitions(List<TraceEvent> part);

    /** The CONSTANTS section of the configuration (lines such as {@code Validators <- TValidators}). */
    String constants();
}
