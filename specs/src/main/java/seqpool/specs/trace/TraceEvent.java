package seqpool.specs.trace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One line of an implementation trace: {@code {"seq":N,"node":"n1","event":"Name",...fields}}.
 *
 * @param line   1-based line number in the trace file
 * @param seq    the writer's sequence number
 * @param node   the node that recorded the event
 * @param event  the spec action's name
 * @param fields the action's parameters (everything but seq, node and event), in file order
 */
public record TraceEvent(int line, long seq, String node, String event, Map<String, Object> fields) {
    public TraceEvent {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(event, "event");
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1: " + line);
        }
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** A string field; throws {@link TraceFormatException} if it is missing or not a string. */
    public String string(String name) {
        Object v = fields.get(name);
        if (v instanceof String s) {
            return s;
        }
        throw new TraceFormatException(line, "field '" + name + "' of " + event + " must be a string, got " + v);
    }

    /** An integer field; throws {@link TraceFormatException} if it is missing or not an integer. */
    public long integer(String name) {
        Object v = fields.get(name);
        if (v instanceof Long n) {
            return n;
        }
        throw new TraceFormatException(line, "field '" + name + "' of " + event + " must be an integer, got " + v);
    }

    /** A list-of-strings field. */
    public List<String> strings(String name) {
        Object v = fields.get(name);
        if (v instanceof List<?> l && l.stream().allMatch(String.class::isInstance)) {
            return l.stream().map(String.class::cast).toList();
        }
        throw new TraceFormatException(line, "field '" + name + "' of " + event + " must be a list of strings, got " + v);
    }

    @Override
    public String toString() {
        return "line " + line + " (seq " + seq + ", node " + node + "): " + event + fields;
    }
}
