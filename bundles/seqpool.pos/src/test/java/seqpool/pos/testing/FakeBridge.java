package seqpool.pos.testing;

import java.util.ArrayList;
import java.util.List;

import seqpool.api.bridge.Bridge;
import seqpool.api.bridge.BridgeStatus;
import seqpool.api.bridge.L1Event;
import seqpool.api.bridge.L1EventListener;

/**
 * A bridge whose confirmed events the test scripts (one node's L1 view). Events are kept in L1 order whatever the
 * order they are confirmed in, as the Bridge contract promises. Thread-safe enough for tests.
 */
public final class FakeBridge implements Bridge {
    private final List<L1Event> events = new ArrayList<>();
    private long confirmed;

    public synchronized void confirm(L1Event e) {
        int at = events.size();
        while (at > 0 && e.before(events.get(at - 1))) {
            at--;
        }
        events.add(at, e);
        confirmed = Math.max(confirmed, e.l1Block());
    }

    /** A reorganisation before confirmation: the event is gone from this view. */
    public synchronized void forget(L1Event e) {
        events.remove(e);
    }

    @Override
    public synchronized long confirmedL1Block() {
        return confirmed;
    }

    @Override
    public synchronized List<L1Event> events(long from, long to) {
        return events.stream().filter(e -> e.l1Block() >= from && e.l1Block() <= to).toList();
    }

    @Override
    public synchronized List<L1Event> eventsAfter(long l1Block, int logIndex, int max) {
        List<L1Event> out = new ArrayList<>();
        for (L1Event e : events) {
            if ((e.l1Block() > l1Block || (e.l1Block() == l1Block && e.logIndex() > logIndex)) && out.size() < max) {
                out.add(e);
            }
        }
        return out;
    }

    @Override
    public AutoCloseable subscribe(long fromL1Block, L1EventListener listener) {
        return () -> { };
    }

    @Override
    public synchronized BridgeStatus status() {
        return new BridgeStatus(confirmed, confirmed, 0, "", 0);
    }
}
