package seqpool.sequencer.node;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import seqpool.api.common.Address;
import seqpool.sequencer.wire.L2Message.BlockRequest;

/**
 * What this node knows of its peers' heads (from their status messages) and its one outstanding block request. One
 * request at a time keeps catch-up orderly: its answer is validated block by block before the next batch is asked.
 */
final class SyncTracker {
    static final int MAX_PEERS = 1024;

    private record Inflight(Address peer, BlockRequest request, long sentAtMillis) {
    }

    private final long timeoutMs;
    private final Map<Address, Long> peerHeads = new HashMap<>();
    private Inflight inflight;

    SyncTracker(long timeoutMs) {
        this.timeoutMs = timeoutMs;
    }

    void peerHead(Address peer, long head) {
        if (peerHeads.size() < MAX_PEERS || peerHeads.containsKey(peer)) {
            peerHeads.put(peer, head);
        }
    }

    /** Drops the peer's claimed head (it answered a request without a block that helped). */
    void forget(Address peer) {
        peerHeads.remove(peer);
    }

    /** The peer with the highest claimed head above {@code head}, if any. */
    Optional<Map.Entry<Address, Long>> bestAbove(long head) {
        return peerHeads.entrySet().stream().filter(e -> e.getValue() > head).max(Map.Entry.comparingByValue());
    }

    /** Whether a request is outstanding and not yet timed out. */
    boolean busy(long nowMillis) {
        return inflight != null && nowMillis - inflight.sentAtMillis() < timeoutMs;
    }

    BlockRequest start(Address peer, long from, long to, long nowMillis) {
        BlockRequest r = new BlockRequest(from, to);
        inflight = new Inflight(peer, r, nowMillis);
        return r;
    }

    /** Marks the outstanding request answered if {@code peer} is the one it went to. */
    void answered(Address peer) {
        if (inflight != null && inflight.peer().equals(peer)) {
            inflight = null;
        }
    }
}
