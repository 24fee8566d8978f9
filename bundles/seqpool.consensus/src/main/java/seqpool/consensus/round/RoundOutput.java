package seqpool.consensus.round;

import seqpool.api.common.Hash32;
import seqpool.api.consensus.VoteKind;

/** What the round machine asks for; the driver turns these into effects. A nil vote carries {@link Hash32#ZERO}. */
public sealed interface RoundOutput {
    /** L12–L13: the node entered a round. */
    record NewRound(long height, int round) implements RoundOutput {
    }

    /** L18: getValue(). */
    record RequestValue(long height, int round) implements RoundOutput {
    }

    /** L19: broadcast PROPOSAL(h, round, value, validRound). */
    record Propose(long height, int round, Hash32 value, int validRound) implements RoundOutput {
    }

    /** L24/26/30/32/40/45/59/63: broadcast PREVOTE or PRECOMMIT. */
    record CastVote(VoteKind kind, long height, int round, Hash32 value) implements RoundOutput {
    }

    /** L21/35/48: schedule OnTimeout{step}(h, round). */
    record ScheduleTimeout(RoundStep step, long height, int round) implements RoundOutput {
    }

    /** L51: decision_p[h] = value, decided in round. */
    record Decide(long height, int round, Hash32 value) implements RoundOutput {
    }
}
