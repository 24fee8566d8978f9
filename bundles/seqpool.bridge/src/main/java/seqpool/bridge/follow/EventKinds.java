package seqpool.bridge.follow;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;

/** Names a log by its contract and topic 0 (the event signature hash): the Solidity event name. */
@FunctionalInterface
public interface EventKinds {
    /**
     * The kind of a log whose topic 0 is not an event of its contract (a newer contract version, or a log the node
     * should not have returned). Such logs are recorded, not skipped, so that the record stays complete for the
     * followed contracts; the consumer ignores kinds it does not know and can still decode by topic 0.
     */
    String UNKNOWN = "Unknown";

    /** The event name, or {@link #UNKNOWN}. */
    String kindOf(Address contract, Hash32 topic0);
}
