package seqpool.api.p2p;

import org.osgi.annotation.versioning.ConsumerType;

/** Receives the messages of one channel. Called on a transport thread: must return quickly and not block. */
@ConsumerType
@FunctionalInterface
public interface MessageListener {
    void onMessage(InboundMessage message);
}
