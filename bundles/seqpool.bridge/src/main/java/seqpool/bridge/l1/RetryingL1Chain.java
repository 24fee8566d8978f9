package seqpool.bridge.l1;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

import seqpool.api.common.Address;
import seqpool.bridge.follow.BlockHeader;
import seqpool.bridge.follow.BlockRange;
import seqpool.bridge.follow.L1Chain;
import seqpool.bridge.follow.L1Exception;
import seqpool.bridge.follow.RawLog;

/**
 * Wraps an {@link L1Chain} with retries and failure reporting. A failure starts a <em>streak</em>: the call is retried
 * in place with exponential backoff ({@link Backoff}) up to {@code attemptsPerCall} attempts, which absorbs a
 * short blip; if the streak goes on, later calls fail fast and the caller (the bridge thread) waits
 * {@link #retryDelayMillis()} before its next step, so it keeps serving subscribers meanwhile. Each streak logs one
 * WARN naming the (redacted) URL and the error, without a stack trace; the first success after it logs one INFO.
 * {@link #lastError()} is the streak's latest error ({@code ""} while L1 answers).
 *
 * <p>Used by one thread (the bridge thread); the status getters may be read from any thread.
 */
public final class RetryingL1Chain implements L1Chain {
    private static final System.Logger LOG = System.getLogger(RetryingL1Chain.class.getName());

    /** Waits between attempts; the default is {@link Thread#sleep}. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws L1Exception;
    }

    private final L1Chain delegate;
    private final String url;
    private final Backoff backoff;
    private final int attemptsPerCall;
    private final Sleeper sleeper;
    private final LongSupplier wallClock;
    private int failures;
    private long streakStartedAt;
    private volatile String lastError = "";
    private volatile long lastErrorAt;

    /** {@code url} is redacted with {@link RpcUrls#redact} before it is logged or reported. */
    public RetryingL1Chain(L1Chain delegate, String url, Backoff backoff, int attemptsPerCall, Sleeper sleeper,
            LongSupplier wallClock) {
        if (attemptsPerCall < 1) {
            throw new IllegalArgumentException("attemptsPerCall must be >= 1, got " + attemptsPerCall);
        }
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.url = RpcUrls.redact(url);
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.attemptsPerCall = attemptsPerCall;
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
    }

    /** Three attempts per call at the start of a streak, {@link Thread#sleep}, the system clock. */
    public RetryingL1Chain(L1Chain delegate, String url, Backoff backoff) {
        this(delegate, url, backoff, 3, Thread::sleep, System::currentTimeMillis);
    }

    @Override
    public long chainId() throws L1Exception {
        return call(delegate::chainId);
    }

    @Override
    public long headNumber() throws L1Exception {
        return call(delegate::headNumber);
    }

    @Override
    public BlockHeader header(long number) throws L1Exception {
        return call(() -> delegate.header(number));
    }

    @Override
    public List<RawLog> logs(BlockRange range, List<Address> contracts) throws L1Exception {
        return call(() -> delegate.logs(range, contracts));
    }

    private <T> T call(Call<T> call) throws L1Exception {
        int attempts = 0;
        while (true) {
            try {
                T value = call.run();
                succeeded();
                return value;
            } catch (L1Exception e) {
                failed(e);
                attempts++;
                if (attempts >= attemptsPerCall || failures >= attemptsPerCall) {
                    throw e;
                }
            }
            try {
                sleeper.sleep(backoff.delay(failures));
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
                throw new L1Exception("interrupted while waiting to retry L1 " + url, stop);
            }
        }
    }

    private void succeeded() {
        if (failures > 0) {
            LOG.log(Level.INFO, "L1 RPC {0} recovered after {1} failed attempts in {2} ms", url,
                    String.valueOf(failures), String.valueOf(Math.max(0, wallClock.getAsLong() - streakStartedAt)));
            failures = 0;
            lastError = "";
            lastErrorAt = 0;
        }
    }

    private void failed(L1Exception e) {
        long now = wallClock.getAsLong();
        if (failures == 0) {
            streakStartedAt = now;
            LOG.log(Level.WARNING, "L1 RPC {0} failing: {1}; retrying with backoff {2}..{3} ms", url, e.getMessage(),
                    String.valueOf(backoff.minMillis()), String.valueOf(backoff.maxMillis()));
        } else {
            LOG.log(Level.DEBUG, "L1 RPC {0} still failing ({1} attempts): {2}", url, String.valueOf(failures + 1),
                    e.getMessage());
        }
        failures = failures == Integer.MAX_VALUE ? failures : failures + 1;
        lastError = "L1 RPC " + url + ": " + e.getMessage();
        lastErrorAt = now;
    }

    /** How long the caller should wait before its next step: 0 while L1 answers. */
    public long retryDelayMillis() {
        return backoff.delay(failures);
    }

    /** The current streak's latest error, {@code ""} while L1 answers. */
    public String lastError() {
        return lastError;
    }

    /** When {@link #lastError()} happened (epoch millis), 0 without error. */
    public long lastErrorAtMillis() {
        return lastErrorAt;
    }

    /** The redacted URL. */
    public String url() {
        return url;
    }
}
