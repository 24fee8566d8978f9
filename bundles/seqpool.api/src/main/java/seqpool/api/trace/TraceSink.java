package seqpool.api.trace;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives protocol events (DESIGN.md §5). {@code event} is the name of the TLA+ action the code just took and
 * {@code fields} its parameters (values: String, Number, Boolean, List or Map of those). Implementations assign the
 * sequence number in the order they observe events, must be thread-safe, and never receive secret material.
 */
@ConsumerType
@FunctionalInterface
public interface TraceSink {
    TraceSink NONE = (node, event, fields) -> { };

    void record(String node, String event, Map<String, Object> fields);
}
