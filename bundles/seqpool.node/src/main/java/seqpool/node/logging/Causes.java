package seqpool.node.logging;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;

/**
 * One line from an exception chain, for operators: the messages of the chain from the outermost to the root cause,
 * joined by {@code ": "}, without wrappers that say nothing (reflection's InvocationTargetException, a message that
 * only repeats its cause) — e.g. {@code p2p: cannot listen on 127.0.0.1:7400: Address already in use}.
 */
public final class Causes {
    private Causes() {
    }

    public static String summary(Throwable t) {
        List<String> parts = new ArrayList<>();
        String innermostType = null;
        for (Throwable c = t; c != null && parts.size() < 8; c = c.getCause() == c ? null : c.getCause()) {
            innermostType = c.getClass().getSimpleName();
            if (c instanceof InvocationTargetException) {
                continue;
            }
            String m = c.getMessage();
            if (m == null || m.isBlank() || (c.getCause() != null && m.equals(c.getCause().toString()))) {
                continue;
            }
            m = m.strip().replace('\n', ' ');
            String last = parts.isEmpty() ? "" : parts.get(parts.size() - 1);
            if (!last.contains(m)) {
                parts.add(m);
            }
        }
        return parts.isEmpty() ? String.valueOf(innermostType) : String.join(": ", parts);
    }
}
