package seqpool.specs.trace;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Helpers the bindings use to collect the constants of a trace (names, maxima). */
final class TraceFacts {
    private TraceFacts() {
    }

    /** Every string value of the named fields (single strings or lists of strings), sorted. */
    static Set<String> names(Collection<TraceEvent> events, List<String> fields, boolean withNode) {
        Set<String> out = new TreeSet<>();
        for (TraceEvent e : events) {
            if (withNode) {
                out.add(e.node());
            }
            for (String f : fields) {
                Object v = e.fields().get(f);
                if (v instanceof String s) {
                    out.add(s);
                } else if (v instanceof List<?> l) {
                    l.stream().filter(String.class::isInstance).map(String.class::cast).forEach(out::add);
                }
            }
        }
        return out;
    }

    /** The largest integer value of the named fields, or {@code floor} if none is larger. */
    static long max(Collection<TraceEvent> events, List<String> fields, long floor) {
        long max = floor;
        for (TraceEvent e : events) {
            for (String f : fields) {
                if (e.fields().get(f) instanceof Long n) {
                    max = Math.max(max, n);
                }
            }
        }
        return max;
    }
}
