package seqpool.itests.swap;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.util.tracker.ServiceTracker;

import seqpool.itests.swap.api.Greeter;

/**
 * A caller that loops through the Greeter contract via a ServiceTracker (the service is looked up on every call, as a
 * dynamic greedy reference would see it) and counts calls and calls that found no service.
 */
final class CallerLoop implements AutoCloseable {
    final AtomicLong calls = new AtomicLong();
    final AtomicLong missed = new AtomicLong();
    final AtomicReference<String> last = new AtomicReference<>("");
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final ServiceTracker<Greeter, Greeter> tracker;
    private volatile boolean running = true;
    private final Thread thread;

    CallerLoop(ServiceTracker<Greeter, Greeter> tracker) {
        this.tracker = tracker;
        thread = new Thread(this::loop, "greeter-caller");
        thread.start();
    }

    private void loop() {
        try {
            while (running) {
                Greeter g = tracker.getService();
                if (g == null) {
                    missed.incrementAndGet();
                } else {
                    last.set(g.greet("caller"));
                    calls.incrementAndGet();
                }
            }
        } catch (Throwable t) {
            failure.set(t);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
