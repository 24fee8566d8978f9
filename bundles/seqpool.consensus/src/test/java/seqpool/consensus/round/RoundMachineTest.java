package seqpool.consensus.round;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import seqpool.api.common.Hash32;
import seqpool.api.consensus.VoteKind;
import seqpool.consensus.round.RoundInput.*;
import seqpool.consensus.round.RoundOutput.*;

/** Table of steps (description, state, input, expected state, expected outputs), one or more per paper rule. */
class RoundMachineTest {
    static final Hash32 X = Hash32.fromHex("0x" + "11".repeat(32));
    static final Hash32 Y = Hash32.fromHex("0x" + "22".repeat(32));
    static final Hash32 NIL = Hash32.ZERO;
    /** This node proposes round 1 only. */
    static final RoundMachine M = new RoundMachine(r -> r == 1);

    static RoundState st(int round, RoundStep step, Hash32 locked, int lockedRound, Hash32 valid, int validRound) {
        return new RoundState(5, round, step, locked, lockedRound, valid, validRound, null, false, false, false);
    }

    static RoundState fresh(int round, RoundStep step) {
        return st(round, step, null, -1, null, -1);
    }

    static Stream<Arguments> steps() {
        RoundState propose0 = fresh(0, RoundStep.PROPOSE);
        RoundState prevote0 = fresh(0, RoundStep.PREVOTE);
        RoundState lockedY1 = st(1, RoundStep.PROPOSE, Y, 0, Y, 0);
        return Stream.of(
            Arguments.of("L10/L21 start round 0, not proposer: timeout propose", RoundState.initial(5), new StartRound(0),
                propose0, List.of(new NewRound(5, 0), new ScheduleTimeout(RoundStep.PROPOSE, 5, 0))),
            Arguments.of("L22-24 valid proposal, not locked: prevote v", propose0, new Proposal(0, X, true),
                prevote0, List.of(new CastVote(VoteKind.PREVOTE, 5, 0, X))),
            Arguments.of("L26 invalid proposal: prevote nil", propose0, new Proposal(0, X, false),
                prevote0, List.of(new CastVote(VoteKind.PREVOTE, 5, 0, NIL))),
            Arguments.of("L23 locked on another value: prevote nil", lockedY1, new Proposal(1, X, true),
                st(1, RoundStep.PREVOTE, Y, 0, Y, 0), List.of(new CastVote(VoteKind.PREVOTE, 5, 1, NIL))),
            Arguments.of("L23 locked on the same value: prevote v", lockedY1, new Proposal(1, Y, true),
                st(1, RoundStep.PREVOTE, Y, 0, Y, 0), List.of(new CastVote(VoteKind.PREVOTE, 5, 1, Y))),
            Arguments.of("L22 proposal of another round ignored", propose0, new Proposal(1, X, true), propose0, List.of()),
            Arguments.of("L28-30 polka in vr >= lockedRound unlocks: prevote v", lockedY1, new ProposalAndPolkaPrevious(1, X, 0, true),
                st(1, RoundStep.PREVOTE, Y, 0, Y, 0), List.of(new CastVote(VoteKind.PREVOTE, 5, 1, X))),
            Arguments.of("L28 needs vr < round_p", lockedY1, new ProposalAndPolkaPrevious(1, X, 1, true), lockedY1, List.of()),
            Arguments.of("L32 invalid value with polka: prevote nil", lockedY1, new ProposalAndPolkaPrevious(1, X, 0, false),
                st(1, RoundStep.PREVOTE, Y, 0, Y, 0), List.of(new CastVote(VoteKind.PREVOTE, 5, 1, NIL))),
            Arguments.of("L34-35 any polka: timeout prevote", prevote0, new PolkaAny(0),
                prevote0.withFlags(true, false, false), List.of(new ScheduleTimeout(RoundStep.PREVOTE, 5, 0))),
            Arguments.of("L34 only the first time", prevote0.withFlags(true, false, false), new PolkaAny(0),
                prevote0.withFlags(true, false, false), List.of()),
            Arguments.of("L36-43 polka for v in prevote: lock, precommit v", prevote0, new ProposalAndPolkaCurrent(0, X),
                new RoundState(5, 0, RoundStep.PRECOMMIT, X, 0, X, 0, null, false, true, false),
                List.of(new CastVote(VoteKind.PRECOMMIT, 5, 0, X))),
            Arguments.of("L42-43 polka for v after precommit: only valid value", fresh(0, RoundStep.PRECOMMIT), new ProposalAndPolkaCurrent(0, X),
                new RoundState(5, 0, RoundStep.PRECOMMIT, null, -1, X, 0, null, false, true, false), List.of()),
            Arguments.of("L36 not in propose step", propose0, new ProposalAndPolkaCurrent(0, X), propose0, List.of()),
            Arguments.of("L44-46 polka nil: precommit nil", prevote0, new PolkaNil(0),
                fresh(0, RoundStep.PRECOMMIT), List.of(new CastVote(VoteKind.PRECOMMIT, 5, 0, NIL))),
            Arguments.of("L47-48 any precommits: timeout precommit", prevote0, new PrecommitAny(0),
                prevote0.withFlags(false, false, true), List.of(new ScheduleTimeout(RoundStep.PRECOMMIT, 5, 0))),
            Arguments.of("L49-51 precommit quorum for v of any round: decide", fresh(3, RoundStep.PREVOTE), new ProposalAndPrecommitValue(1, X),
                fresh(3, RoundStep.PREVOTE).decided(X), List.of(new Decide(5, 1, X))),
            Arguments.of("L55-56 f+1 of a higher round: start it", prevote0, new SkipRound(3),
                fresh(3, RoundStep.PROPOSE), List.of(new NewRound(5, 3), new ScheduleTimeout(RoundStep.PROPOSE, 5, 3))),
            Arguments.of("L55 not for a lower round", fresh(3, RoundStep.PREVOTE), new SkipRound(2), fresh(3, RoundStep.PREVOTE), List.of()),
            Arguments.of("L57-60 timeout propose: prevote nil", propose0, new TimeoutPropose(0),
                prevote0, List.of(new CastVote(VoteKind.PREVOTE, 5, 0, NIL))),
            Arguments.of("L58 stale timeout propose ignored", prevote0, new TimeoutPropose(0), prevote0, List.of()),
            Arguments.of("L61-64 timeout prevote: precommit nil", prevote0, new TimeoutPrevote(0),
                fresh(0, RoundStep.PRECOMMIT), List.of(new CastVote(VoteKind.PRECOMMIT, 5, 0, NIL))),
            Arguments.of("L65-67 + L14-18 timeout precommit: next round, proposer asks getValue", fresh(0, RoundStep.PRECOMMIT),
                new TimeoutPrecommit(0), fresh(1, RoundStep.PROPOSE), List.of(new NewRound(5, 1), new RequestValue(5, 1))),
            Arguments.of("L15-16/L19 proposer with a valid value re-proposes it with validRound", st(0, RoundStep.PRECOMMIT, X, 0, X, 0),
                new TimeoutPrecommit(0), st(1, RoundStep.PROPOSE, X, 0, X, 0), List.of(new NewRound(5, 1), new Propose(5, 1, X, 0))),
            Arguments.of("L18-19 getValue answered: propose with validRound -1", fresh(1, RoundStep.PROPOSE), new ProposeValue(1, Y),
                fresh(1, RoundStep.PROPOSE), List.of(new Propose(5, 1, Y, -1))),
            Arguments.of("after the decision nothing happens", fresh(0, RoundStep.PROPOSE).decided(X), new TimeoutPropose(0),
                fresh(0, RoundStep.PROPOSE).decided(X), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void step(String description, RoundState before, RoundInput input, RoundState after, List<RoundOutput> outputs) {
        RoundTransition t = M.apply(before, input);
        assertEquals(after, t.state(), description);
        assertEquals(outputs, t.outputs(), description);
    }
}
