package seqpool.bridge.host;

import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import seqpool.api.bridge.L1Event;
import seqpool.api.bridge.L1EventListener;
import seqpool.api.store.StoreException;
import seqpool.bridge.follow.Cursor;
import seqpool.bridge.follow.Follower;
import seqpool.bridge.follow.L1Exception;
import seqpool.bridge.follow.StepResult;
import seqpool.bridge.follow.Subscriptions;
import seqpool.bridge.l1.Backoff;
import seqpool.bridge.l1.RetryingL1Chain;

/**
 * The {@code seqpool-bridge} thread: delivers recorded events to subscribers, runs a {@link Follower} step when one
 * is due, and waits (poll interval when caught up, no wait while behind, backoff after a failure, woken early by a
 * new subscription). Nothing ends it but {@link #stop}: L1 failures are the {@link RetryingL1Chain}'s to report;
 * deferred ranges, store failures and unexpected exceptions are logged here, one WARN (or ERROR for a bug, with its
 * stack trace) per streak and one INFO when recording works again. A halt is logged once as ERROR.
 */
final class BridgeLoop implements Runnable {
    private static final System.Logger LOG = System.getLogger(BridgeLoop.class.getName());

    private final Follower follower;
    private final Subscriptions subscriptions;
    private final RetryingL1Chain l1;
    private final long pollMs;
    private final Backoff backoff;
    private final Wakeup wakeup;
    private final LongSupplier wallClock;
    private volatile boolean running = true;
    private volatile Thread thread;
    private int problems;
    private volatile String problem = "";
    private volatile long problemAt;
    private volatile long haltedAt;

    BridgeLoop(Follower follower, Subscriptions subscriptions, RetryingL1Chain l1, long pollMs, Backoff backoff,
            Wakeup wakeup, LongSupplier wallClock) {
        this.follower = Objects.requireNonNull(follower, "follower");
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.l1 = Objects.requireNonNull(l1, "l1");
        this.pollMs = pollMs;
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.wakeup = Objects.requireNonNull(wakeup, "wakeup");
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
    }

    void start() {
        Thread t = new Thread(this, "seqpool-bridge");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Stops the thread and waits for it; returns whether it ended within the timeout. */
    boolean stop(long timeoutMs) throws InterruptedException {
        running = false;
        wakeup.wake();
        Thread t = thread;
        if (t == null || t == Thread.currentThread()) {
            return true;
        }
        t.join(Math.max(1, timeoutMs / 4));
        if (t.isAlive()) {
            t.interrupt(); // ends a retry wait; an open HTTP request ends by its own timeout
            t.join(Math.max(1, timeoutMs - timeoutMs / 4));
        }
        return !t.isAlive();
    }

    @Override
    public void run() {
        long nextStepAt = System.nanoTime();
        while (running) {
            long waitMs;
            try {
                boolean more = subscriptions.deliver(this::listenerFailed);
                if (System.nanoTime() - nextStepAt >= 0 && running) {
                    nextStepAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(step());
                }
                waitMs = more ? 0 : TimeUnit.NANOSECONDS.toMillis(Math.max(0, nextStepAt - System.nanoTime()));
            } catch (StoreException e) {
                waitMs = problem("bridge cannot use its record in the store: " + e.getMessage(), null);
                nextStepAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
            } catch (RuntimeException | LinkageError | AssertionError e) {
                waitMs = problem("bridge step failed unexpectedly: " + e, e);
                nextStepAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
            }
            try {
                wakeup.await(waitMs);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            }
        }
        LOG.log(Level.DEBUG, "bridge thread stopped");
    }

    /** One follower step; returns how long to wait before the next one. */
    private long step() throws StoreException {
        StepResult result;
        try {
            result = follower.step();
        } catch (L1Exception e) {
            return Math.max(l1.retryDelayMillis(), backoff.minMillis()); // logged and reported by RetryingL1Chain
        }
        if (result instanceof StepResult.Recorded r) {
            recovered();
            LOG.log(Level.DEBUG, "bridge recorded L1 blocks {0} ({1} events), head {2}", r.range(),
                    String.valueOf(r.events()), String.valueOf(r.head()));
            return r.caughtUp() ? pollMs : 0;
        }
        if (result instanceof StepResult.Idle) {
            recovered();
            return pollMs;
        }
        if (result instanceof StepResult.Deferred d) {
            return problem("bridge did not record L1 blocks " + d.range() + " yet: " + d.reason(), null);
        }
        StepResult.Halted h = (StepResult.Halted) result;
        if (haltedAt == 0) {
            haltedAt = Math.max(1, wallClock.getAsLong());
            Cursor at = follower.cursor();
            LOG.log(Level.ERROR, "bridge stopped advancing at L1 block {0}: {1}", String.valueOf(at.block()),
                    h.reason());
        }
        return pollMs;
    }

    private long problem(String message, Throwable bug) {
        if (problems == 0) {
            if (bug != null) {
                LOG.log(Level.ERROR, message, bug);
            } else {
                LOG.log(Level.WARNING, message);
            }
        } else {
            LOG.log(Level.DEBUG, message);
        }
        problems = problems == Integer.MAX_VALUE ? problems : problems + 1;
        problem = message;
        problemAt = wallClock.getAsLong();
        return backoff.delay(problems);
    }

    private void recovered() {
        if (problems > 0) {
            LOG.log(Level.INFO, "bridge recording again after {0} failed attempts", String.valueOf(problems));
            problems = 0;
            problem = "";
            problemAt = 0;
        }
    }

    private void listenerFailed(L1EventListener listener, L1Event event, Throwable failure, long failures) {
        String message = "bridge subscriber " + listener + " failed on " + event.kind() + " at L1 block "
                + event.l1Block() + " log " + event.logIndex() + " (failure " + failures + "); it gets the next event";
        if (failures == 1) {
            LOG.log(Level.WARNING, message, failure); // the subscriber's bug: its stack trace, once
        } else {
            LOG.log(Level.WARNING, message + ": " + failure);
        }
    }

    /** The current problem other than L1 failures and halts ({@code ""} when none). */
    String problem() {
        return problem;
    }

    long problemAtMillis() {
        return problemAt;
    }

    /** When the halt was first seen (epoch millis), 0 when not halted. */
    long haltedAtMillis() {
        return haltedAt;
    }

    boolean alive() {
        Thread t = thread;
        return t != null && t.isAlive();
    }
}
