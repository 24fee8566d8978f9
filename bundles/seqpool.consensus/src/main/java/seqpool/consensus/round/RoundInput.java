package seqpool.consensus.round;

import seqpool.api.common.Hash32;

/**
 * Events the round machine reacts to, one per "upon" rule of Algorithm 1. The driver raises them when the messages
 * a rule needs are present (vote tallies, proposal from the proposer, validity); the machine checks the step/round
 * conditions. {@code valid} is valid(v) of the paper.
 */
public sealed interface RoundInput {
    /** L10 / L54 / L56 / L67: StartRound(round). */
    record StartRound(int round) implements RoundInput {
    }

    /** L18: getValue() returned (only the proposer asks). */
    record ProposeValue(int round, Hash32 value) implements RoundInput {
    }

    /** L22: PROPOSAL(h, round_p, v, −1) from proposer(h, round_p). */
    record Proposal(int round, Hash32 value, boolean valid) implements RoundInput {
    }

    /** L28: PROPOSAL(h, round_p, v, vr) and 2f+1 PREVOTE(h, vr, id(v)), 0 ≤ vr < round_p. */
    record ProposalAndPolkaPrevious(int round, Hash32 value, int validRound, boolean valid) implements RoundInput {
    }

    /** L34: 2f+1 PREVOTE(h, round_p, *). */
    record PolkaAny(int round) implements RoundInput {
    }

    /** L36: PROPOSAL(h, round_p, v, *) and 2f+1 PREVOTE(h, round_p, id(v)), valid(v). */
    record ProposalAndPolkaCurrent(int round, Hash32 value) implements RoundInput {
    }

    /** L44: 2f+1 PREVOTE(h, round_p, nil). */
    record PolkaNil(int round) implements RoundInput {
    }

    /** L47: 2f+1 PRECOMMIT(h, round_p, *). */
    record PrecommitAny(int round) implements RoundInput {
    }

    /** L49: PROPOSAL(h, r, v, *) and 2f+1 PRECOMMIT(h, r, id(v)), valid(v), any round r. */
    record ProposalAndPrecommitValue(int round, Hash32 value) implements RoundInput {
    }

    /** L55: f+1 messages of a round above round_p. */
    record SkipRound(int round) implements RoundInput {
    }

    /** L57. */
    record TimeoutPropose(int round) implements RoundInput {
    }

    /** L61. */
    record TimeoutPrevote(int round) implements RoundInput {
    }

    /** L65. */
    record TimeoutPrecommit(int round) implements RoundInput {
    }
}
