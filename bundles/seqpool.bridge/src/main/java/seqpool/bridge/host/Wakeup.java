package seqpool.bridge.host;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Lets other threads (a new subscription, stop) cut the bridge thread's wait short. Thread-safe. */
final class Wakeup {
    private final Semaphore permits = new Semaphore(0);

    void wake() {
        permits.release();
    }

    /** Waits up to {@code millis} or until woken (a wake-up since the last wait counts). */
    void await(long millis) throws InterruptedException {
        if (millis > 0) {
            permits.tryAcquire(millis, TimeUnit.MILLISECONDS);
        }
        permits.drainPermits();
    }
}
