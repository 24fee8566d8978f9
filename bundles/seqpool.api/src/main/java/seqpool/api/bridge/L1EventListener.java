package seqpool.api.bridge;

import org.osgi.annotation.versioning.ConsumerType;

/** Receives confirmed L1 events in L1 order, each once per subscription. Runs on the bridge thread: must not block. */
@ConsumerType
@FunctionalInterface
public interface L1EventListener {
    void onEvent(L1Event event);
}
