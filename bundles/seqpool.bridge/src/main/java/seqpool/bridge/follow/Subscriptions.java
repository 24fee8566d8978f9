package seqpool.bridge.follow;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import seqpool.api.bridge.L1Event;
import seqpool.api.bridge.L1EventListener;
import seqpool.api.store.StoreException;

/**
 * Subscriptions to the record. Each subscription has its own position and reads the record from there: first the
 * events already recorded from its start block, then new ones as they are recorded. Delivery happens only in
 * {@link #deliver}, on the bridge thread; the position moves past an event before its listener is called, so each
 * event is offered once per subscription, also when the listener throws (the failure is reported, the next event
 * follows). {@link #add} and closing a subscription are thread-safe.
 */
public final class Subscriptions {
    /** Told about a listener that threw; {@code failures} counts that subscription's failures (1 = first). */
    @FunctionalInterface
    public interface FailureHandler {
        void listenerFailed(L1EventListener listener, L1Event event, Throwable failure, long failures);
    }

    private final FollowRecord record;
    private final Runnable wake;
    private final int batch;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    /** {@code wake} is run when a subscription is added, so that the bridge thread delivers soon. */
    public Subscriptions(FollowRecord record, Runnable wake, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        this.record = Objects.requireNonNull(record, "record");
        this.wake = Objects.requireNonNull(wake, "wake");
        this.batch = batch;
    }

    /** Subscribes from {@code fromL1Block} (a negative block means from the start). Close the result to stop. */
    public AutoCloseable add(long fromL1Block, L1EventListener listener) {
        Subscription s = new Subscription(Math.max(0, fromL1Block), Objects.requireNonNull(listener, "listener"));
        subscriptions.add(s);
        wake.run();
        return s;
    }

    /**
     * Delivers up to {@code batch} events to each open subscription; returns whether some subscription has more
     * waiting (call again soon). Call on the bridge thread only.
     */
    public boolean deliver(FailureHandler onFailure) throws StoreException {
        boolean more = false;
        for (Subscription s : subscriptions) {
            if (s.closed) {
                subscriptions.remove(s);
                continue;
            }
            List<L1Event> events = record.eventsAfter(s.block, s.logIndex, batch);
            for (L1Event e : events) {
                if (s.closed) {
                    break;
                }
                s.block = e.l1Block();
                s.logIndex = e.logIndex();
                try {
                    s.listener.onEvent(e);
                } catch (VirtualMachineError fatal) {
                    throw fatal;
                } catch (Throwable failure) {
                    onFailure.listenerFailed(s.listener, e, failure, ++s.failures);
                }
            }
            more |= events.size() == batch && !s.closed;
        }
        return more;
    }

    /** Open subscriptions. */
    public int size() {
        return (int) subscriptions.stream().filter(s -> !s.closed).count();
    }

    /** Closes every subscription (the bridge is stopping). */
    public void closeAll() {
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
    }

    private static final class Subscription implements AutoCloseable {
        private final L1EventListener listener;
        private volatile boolean closed;
        // only touched by deliver(), on the bridge thread (and before the subscription is published)
        private long block;
        private int logIndex = -1;
        private long failures;

        Subscription(long fromBlock, L1EventListener listener) {
            this.block = fromBlock;
            this.listener = listener;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
