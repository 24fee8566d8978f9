package seqpool.node.runtime;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last activation error reported for each bundle (by Declarative Services through the node's log bridge), as one
 * line of causes: how the node names the cause when a required component does not start ("p2p: cannot listen on
 * 127.0.0.1:7400: Address already in use"). Thread-safe.
 */
public final class StartupFailures {
    private static final Map<String, String> LAST = new ConcurrentHashMap<>();
    private static volatile boolean starting;

    private StartupFailures() {
    }

    public static void record(String bundleSymbolicName, String causes) {
        LAST.put(bundleSymbolicName, causes);
    }

    public static Optional<String> of(String bundleSymbolicName) {
        return Optional.ofNullable(LAST.get(bundleSymbolicName));
    }

    public static void clear() {
        LAST.clear();
    }

    /**
     * While the node starts, activation errors are only kept here (and logged at debug): the node then reports the
     * one that stops it in one line, and the others as warnings. Afterwards they are logged as errors when they
     * happen.
     */
    public static void starting(boolean value) {
        starting = value;
    }

    public static boolean starting() {
        return starting;
    }

    public static Map<String, String> all() {
        return Map.copyOf(LAST);
    }
}
