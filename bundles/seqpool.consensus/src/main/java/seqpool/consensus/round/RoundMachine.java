package seqpool.consensus.round;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;

import seqpool.api.common.Hash32;
import seqpool.api.consensus.VoteKind;
import seqpool.consensus.round.RoundInput.PolkaAny;
import seqpool.consensus.round.RoundInput.PolkaNil;
import seqpool.consensus.round.RoundInput.PrecommitAny;
import seqpool.consensus.round.RoundInput.Proposal;
import seqpool.consensus.round.RoundInput.ProposalAndPolkaCurrent;
import seqpool.consensus.round.RoundInput.ProposalAndPolkaPrevious;
import seqpool.consensus.round.RoundInput.ProposalAndPrecommitValue;
import seqpool.consensus.round.RoundInput.ProposeValue;
import seqpool.consensus.round.RoundInput.SkipRound;
import seqpool.consensus.round.RoundInput.StartRound;
import seqpool.consensus.round.RoundInput.TimeoutPrecommit;
import seqpool.consensus.round.RoundInput.TimeoutPrevote;
import seqpool.consensus.round.RoundInput.TimeoutPropose;

/**
 * Algorithm 1 of the paper as a pure function. {@link #apply} never mutates; an input whose rule is not enabled in the
 * given state returns the same state and no outputs. The machine knows only who proposes which round (a predicate
 * fixed for the height), never keys, messages or time.
 */
public final class RoundMachine {
    private final IntPredicate isProposer;

    /** @param isProposer proposer(h_p, round) = p, for the height this machine serves */
    public RoundMachine(IntPredicate isProposer) {
        this.isProposer = Objects.requireNonNull(isProposer);
    }

    public RoundTransition apply(RoundState s, RoundInput in) {
        if (s.step() == RoundStep.COMMIT) {
            return none(s); // decision_p[h_p] ≠ nil: the height is over for this machine
        }
        // Java 17: no pattern switch; the chain covers every permitted subtype of the sealed RoundInput.
        if (in instanceof StartRound r) {
            return r.round() > s.round() ? startRound(s, r.round()) : none(s);
        } else if (in instanceof ProposeValue p) {
            return proposeValue(s, p);
        } else if (in instanceof Proposal p) {
            return proposal(s, p);
        } else if (in instanceof ProposalAndPolkaPrevious p) {
            return proposalPolkaPrevious(s, p);
        } else if (in instanceof PolkaAny p) {
            return polkaAny(s, p);
        } else if (in instanceof ProposalAndPolkaCurrent p) {
            return proposalPolkaCurrent(s, p);
        } else if (in instanceof PolkaNil p) {
            return polkaNil(s, p);
        } else if (in instanceof PrecommitAny p) {
            return precommitAny(s, p);
        } else if (in instanceof ProposalAndPrecommitValue p) {
            return decide(s, p);
        } else if (in instanceof SkipRound r) {
            return r.round() > s.round() ? startRound(s, r.round()) : none(s); // L55–L56
        } else if (in instanceof TimeoutPropose t) {
            return timeoutPropose(s, t);
        } else if (in instanceof TimeoutPrevote t) {
            return timeoutPrevote(s, t);
        } else if (in instanceof TimeoutPrecommit t) {
            return timeoutPrecommit(s, t);
        }
        throw new IllegalStateException("unhandled round input " + in);
    }

    // L11
    private RoundTransition startRound(RoundState s, int round) {
        RoundState n = s.enterRound(round); // L12–L13
        List<RoundOutput> out = new ArrayList<>();
        out.add(new RoundOutput.NewRound(s.height(), round));
        if (isProposer.test(round)) { // L14
            if (n.validValue() != null) { // L15
                out.add(new RoundOutput.Propose(s.height(), round, n.validValue(), n.validRound())); // L16, L19
            } else {
                out.add(new RoundOutput.RequestValue(s.height(), round)); // L18
            }
        } else {
            out.add(new RoundOutput.ScheduleTimeout(RoundStep.PROPOSE, s.height(), round)); // L21
        }
        return new RoundTransition(n, out);
    }

    // L18–L19: getValue() answered
    private RoundTransition proposeValue(RoundState s, ProposeValue p) {
        if (p.round() != s.round() || s.step() != RoundStep.PROPOSE || !isProposer.test(s.round()) || s.validValue() != null) {
            return none(s);
        }
        return new RoundTransition(s, List.of(new RoundOutput.Propose(s.height(), s.round(), p.value(), -1)));
    }

    // L22
    private RoundTransition proposal(RoundState s, Proposal p) {
        if (p.round() != s.round() || s.step() != RoundStep.PROPOSE) {
            return none(s);
        }
        boolean accept = p.valid() && (s.lockedRound() == -1 || p.value().equals(s.lockedValue())); // L23
        Hash32 vote = accept ? p.value() : Hash32.ZERO; // L24 / L26
        return new RoundTransition(s.withStep(RoundStep.PREVOTE), // L27
                List.of(new RoundOutput.CastVote(VoteKind.PREVOTE, s.height(), s.round(), vote)));
    }

    // L28
    private RoundTransition proposalPolkaPrevious(RoundState s, ProposalAndPolkaPrevious p) {
        if (p.round() != s.round() || s.step() != RoundStep.PROPOSE || p.validRound() < 0 || p.validRound() >= s.round()) {
            return none(s);
        }
        boolean accept = p.valid() && (s.lockedRound() <= p.validRound() || p.value().equals(s.lockedValue())); // L29
        Hash32 vote = accept ? p.value() : Hash32.ZERO; // L30 / L32
        return new RoundTransition(s.withStep(RoundStep.PREVOTE), // L33
                List.of(new RoundOutput.CastVote(VoteKind.PREVOTE, s.height(), s.round(), vote)));
    }

    // L34
    private RoundTransition polkaAny(RoundState s, PolkaAny p) {
        if (p.round() != s.round() || s.step() != RoundStep.PREVOTE || s.prevoteTimeoutScheduled()) {
            return none(s);
        }
        return new RoundTransition(s.withFlags(true, s.polkaCurrentSeen(), s.precommitTimeoutScheduled()),
                List.of(new RoundOutput.ScheduleTimeout(RoundStep.PREVOTE, s.height(), s.round()))); // L35
    }

    // L36
    private RoundTransition proposalPolkaCurrent(RoundState s, ProposalAndPolkaCurrent p) {
        boolean stepAtLeastPrevote = s.step() == RoundStep.PREVOTE || s.step() == RoundStep.PRECOMMIT;
        if (p.round() != s.round() || !stepAtLeastPrevote || s.polkaCurrentSeen()) {
            return none(s);
        }
        RoundState n = s.withFlags(s.prevoteTimeoutScheduled(), true, s.precommitTimeoutScheduled());
        List<RoundOutput> out = new ArrayList<>();
        if (s.step() == RoundStep.PREVOTE) { // L37
            n = n.withLock(p.value(), s.round()); // L38–L39
            out.add(new RoundOutput.CastVote(VoteKind.PRECOMMIT, s.height(), s.round(), p.value())); // L40
            n = n.withStep(RoundStep.PRECOMMIT); // L41
        }
        n = n.withValid(p.value(), s.round()); // L42–L43
        return new RoundTransition(n, out);
    }

    // L44
    private RoundTransition polkaNil(RoundState s, PolkaNil p) {
        if (p.round() != s.round() || s.step() != RoundStep.PREVOTE) {
            return none(s);
        }
        return new RoundTransition(s.withStep(RoundStep.PRECOMMIT), // L46
                List.of(new RoundOutput.CastVote(VoteKind.PRECOMMIT, s.height(), s.round(), Hash32.ZERO))); // L45
    }

    // L47
    private RoundTransition precommitAny(RoundState s, PrecommitAny p) {
        if (p.round() != s.round() || s.precommitTimeoutScheduled()) {
            return none(s);
        }
        return new RoundTransition(s.withFlags(s.prevoteTimeoutScheduled(), s.polkaCurrentSeen(), true),
                List.of(new RoundOutput.ScheduleTimeout(RoundStep.PRECOMMIT, s.height(), s.round()))); // L48
    }

    // L49
    private RoundTransition decide(RoundState s, ProposalAndPrecommitValue p) {
        if (s.decision() != null) {
            return none(s);
        }
        // L50 valid(v) is checked by the driver; L51 decision; L52–L54 (next height) are the node's job.
        return new RoundTransition(s.decided(p.value()), List.of(new RoundOutput.Decide(s.height(), p.round(), p.value())));
    }

    // L57
    private RoundTransition timeoutPropose(RoundState s, TimeoutPropose t) {
        if (t.round() != s.round() || s.step() != RoundStep.PROPOSE) { // L58
            return none(s);
        }
        return new RoundTransition(s.withStep(RoundStep.PREVOTE), // L60
                List.of(new RoundOutput.CastVote(VoteKind.PREVOTE, s.height(), s.round(), Hash32.ZERO))); // L59
    }

    // L61
    private RoundTransition timeoutPrevote(RoundState s, TimeoutPrevote t) {
        if (t.round() != s.round() || s.step() != RoundStep.PREVOTE) { // L62
            return none(s);
        }
        return new RoundTransition(s.withStep(RoundStep.PRECOMMIT), // L64
                List.of(new RoundOutput.CastVote(VoteKind.PRECOMMIT, s.height(), s.round(), Hash32.ZERO))); // L63
    }

    // L65
    private RoundTransition timeoutPrecommit(RoundState s, TimeoutPrecommit t) {
        if (t.round() != s.round()) { // L66
            return none(s);
        }
        return startRound(s, s.round() + 1); // L67
    }

    private static RoundTransition none(RoundState s) {
        return new RoundTransition(s, List.of());
    }
}
