package seqpool.bridge.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static seqpool.bridge.testing.Events.cursor;
import static seqpool.bridge.testing.Events.events;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import seqpool.api.bridge.L1Event;
import seqpool.bridge.record.BridgeRecord;
import seqpool.store.memory.InMemoryKeyValueStore;

/** Subscriptions read the record from their own position: past events first, then new ones, each once. */
class SubscriptionsTest {
    private BridgeRecord record;
    private final AtomicInteger wakes = new AtomicInteger();
    private final List<String> failures = new ArrayList<>();
    private Subscriptions subs;

    @BeforeEach
    void setUp() throws Exception {
        record = BridgeRecord.open(new InMemoryKeyValueStore());
        subs = new Subscriptions(record, wakes::incrementAndGet, 4);
    }

    private void deliverAll() throws Exception {
        Subscriptions.FailureHandler onFailure =
                (l, e, t, n) -> failures.add(e.l1Block() + ":" + t.getMessage() + ":" + n);
        for (int i = 0; i < 100 && subs.deliver(onFailure); i++) {
            // more pending
        }
    }

    private static List<String> ids(List<L1Event> events) {
        return events.stream().map(e -> e.l1Block() + ":" + e.logIndex()).toList();
    }

    @Test
    void pastEventsThenNewOnesEachOnce() throws Exception {
        record.append(events(1, 3, 2), cursor(3));
        List<L1Event> got = new ArrayList<>();
        subs.add(0, got::add);
        assertEquals(1, wakes.get(), "adding a subscription wakes the bridge thread");
        deliverAll();
        assertEquals(ids(events(1, 3, 2)), ids(got));
        deliverAll();
        assertEquals(6, got.size(), "nothing is delivered twice");
        record.append(events(5, 6, 1), cursor(7));
        deliverAll();
        List<L1Event> all = new ArrayList<>(events(1, 3, 2));
        all.addAll(events(5, 6, 1));
        assertEquals(ids(all), ids(got));
    }

    @Test
    void startsAtTheRequestedBlock() throws Exception {
        record.append(events(1, 5, 1), cursor(5));
        List<L1Event> got = new ArrayList<>();
        subs.add(3, got::add);
        deliverAll();
        assertEquals(List.of("3:0", "4:0", "5:0"), ids(got));
    }

    @Test
    void throwingListenerIsReportedAndGetsTheNextEvents() throws Exception {
        record.append(events(1, 4, 1), cursor(4));
        List<L1Event> got = new ArrayList<>();
        List<L1Event> other = new ArrayList<>();
        subs.add(0, e -> {
            got.add(e);
            if (e.l1Block() % 2 == 0) {
                throw new IllegalStateException("listener bug");
            }
        });
        subs.add(0, other::add);
        deliverAll();
        assertEquals(List.of("1:0", "2:0", "3:0", "4:0"), ids(got));
        assertEquals(ids(got), ids(other));
        assertEquals(List.of("2:listener bug:1", "4:listener bug:2"), failures);
    }

    @Test
    void closedSubscriptionGetsNothingMore() throws Exception {
        record.append(events(1, 4, 1), cursor(4));
        List<L1Event> got = new ArrayList<>();
        AutoCloseable[] handle = new AutoCloseable[1];
        handle[0] = subs.add(0, e -> {
            got.add(e);
            if (e.l1Block() == 2) {
                try {
                    handle[0].close();
                } catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            }
        });
        deliverAll();
        assertEquals(List.of("1:0", "2:0"), ids(got));
        record.append(events(5, 5, 1), cursor(5));
        deliverAll();
        assertEquals(2, got.size());
        assertEquals(0, subs.size());
    }

    @Test
    void deliversInBatchesAndSaysWhenMoreIsWaiting() throws Exception {
        record.append(events(1, 5, 2), cursor(5)); // 10 events, batch 4
        List<L1Event> got = new ArrayList<>();
        subs.add(0, got::add);
        assertTrue(subs.deliver((l, e, t, n) -> { }));
        assertEquals(4, got.size());
        assertTrue(subs.deliver((l, e, t, n) -> { }));
        assertFalse(subs.deliver((l, e, t, n) -> { }));
        assertEquals(ids(events(1, 5, 2)), ids(got));
    }

    @Test
    void closeAllEndsEverySubscription() throws Exception {
        record.append(events(1, 2, 1), cursor(2));
        List<L1Event> got = new ArrayList<>();
        subs.add(0, got::add);
        subs.closeAll();
        deliverAll();
        assertTrue(got.isEmpty());
    }
}
