package seqpool.consensus.round;

import seqpool.api.common.Hash32;

/**
 * The variables of Algorithm 1 for one height (L2–L9): h_p, round_p, step_p, decision_p, lockedValue_p,
 * lockedRound_p, validValue_p, validRound_p. Values are block ids; {@code null} is the paper's nil. The three flags
 * record the "for the first time" rules of the current round (L34, L36, L47). Immutable.
 */
public record RoundState(long height, int round, RoundStep step, Hash32 lockedValue, int lockedRound, Hash32 validValue,
        int validRound, Hash32 decision, boolean prevoteTimeoutScheduled, boolean polkaCurrentSeen,
        boolean precommitTimeoutScheduled) {

    public RoundState {
        if (height < 1 || step == null) {
            throw new IllegalArgumentException("height >= 1 and a step are required");
        }
    }

    /** L2–L9: round 0 not yet started, nothing locked or valid. */
    public static RoundState initial(long height) {
        return new RoundState(height, -1, RoundStep.UNSTARTED, null, -1, null, -1, null, false, false, false);
    }

    RoundState enterRound(int r) {
        return new RoundState(height, r, RoundStep.PROPOSE, lockedValue, lockedRound, validValue, validRound, decision,
                false, false, false);
    }

    RoundState withStep(RoundStep s) {
        return new RoundState(height, round, s, lockedValue, lockedRound, validValue, validRound, decision,
                prevoteTimeoutScheduled, polkaCurrentSeen, precommitTimeoutScheduled);
    }

    RoundState withLock(Hash32 v, int r) {
        return new RoundState(height, round, step, v, r, validValue, validRound, decision, prevoteTimeoutScheduled,
                polkaCurrentSeen, precommitTimeoutScheduled);
    }

    RoundState withValid(Hash32 v, int r) {
        return new RoundState(height, round, step, lockedValue, lockedRound, v, r, decision, prevoteTimeoutScheduled,
                polkaCurrentSeen, precommitTimeoutScheduled);
    }

    RoundState withFlags(boolean prevoteTimeout, boolean polkaCurrent, boolean precommitTimeout) {
        return new RoundState(height, round, step, lockedValue, lockedRound, validValue, validRound, decision,
                prevoteTimeout, polkaCurrent, precommitTimeout);
    }

    RoundState decided(Hash32 v) {
        return new RoundState(height, round, RoundStep.COMMIT, lockedValue, lockedRound, validValue, validRound, v,
                prevoteTimeoutScheduled, polkaCurrentSeen, precommitTimeoutScheduled);
    }
}
