package seqpool.bridge.follow;

/** What one {@link Follower#step()} did. */
public sealed interface StepResult {
    /** Nothing new is confirmed (or L1 is behind the cursor); poll again later. */
    record Idle(long head) implements StepResult {
    }

    /** {@code range} was recorded with {@code events} events; {@code caughtUp} when no confirmed block is left. */
    record Recorded(BlockRange range, int events, long head, boolean caughtUp) implements StepResult {
    }

    /** The range could not be recorded from this reading (see {@link RangeVerdict.Defer}); try again later. */
    record Deferred(BlockRange range, String reason) implements StepResult {
    }

    /** The Listener stopped advancing for good (until restarted); the reason is for the operator. */
    record Halted(String reason) implements StepResult {
    }
}
