package seqpool.consensus.driver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.Block;
import seqpool.api.consensus.SignedVote;
import seqpool.api.consensus.VoteKind;
import seqpool.consensus.round.RoundInput;
import seqpool.consensus.round.RoundMachine;
import seqpool.consensus.round.RoundOutput;
import seqpool.consensus.round.RoundState;
import seqpool.consensus.round.RoundStep;
import seqpool.consensus.round.RoundTransition;
import seqpool.consensus.validators.ValidatorSchedule;
import seqpool.consensus.votes.VoteAddResult;
import seqpool.consensus.votes.VoteKeeper;

/**
 * Drives one height: feeds messages to the vote keeper and proposal book, raises the round inputs whose "upon"
 * conditions hold and collects the effects. Inputs must be authenticated by the caller (signature, membership,
 * proposer, height). Deterministic: the same inputs in the same order give the same effects. Not thread-safe.
 */
public final class Driver {
    /**
     * At most this many distinct proposals <em>without votes</em> are kept per round (an equivocating proposer cannot
     * fill memory). Proposals whose value has a vote are kept beyond it: see {@link #onProposal}.
     */
    static final int MAX_PROPOSALS_PER_ROUND = 4;

    private final ValidatorSchedule schedule;
    private final Address self;
    private final RoundMachine machine;
    private final VoteKeeper votes;
    private final Map<Integer, LinkedHashMap<Hash32, ReceivedProposal>> proposals = new HashMap<>();
    private final Map<Integer, Block> ownValues = new HashMap<>();
    private RoundState state;

    public Driver(ValidatorSchedule schedule, Address self) {
        this.schedule = schedule;
        this.self = self;
        this.machine = new RoundMachine(round -> schedule.proposer(round).equals(self));
        this.votes = new VoteKeeper(schedule.height(), schedule.validators());
        this.state = RoundState.initial(schedule.height());
    }

    public long height() {
        return schedule.height();
    }

    public RoundState state() {
        return state;
    }

    public VoteKeeper votes() {
        return votes;
    }

    public ValidatorSchedule schedule() {
        return schedule;
    }

    public Address proposer(int round) {
        return schedule.proposer(round);
    }

    /** L10: upon start do StartRound(0). */
    public List<DriverEffect> start() {
        List<DriverEffect> out = new ArrayList<>();
        step(new RoundInput.StartRound(0), out);
        evaluate(out);
        return out;
    }

    /**
     * Books a proposal of the round's proposer. The book of a round is bounded without starving the rules that need a
     * proposal (L22/L28 act on the first, L36/L49 on the one whose value got a quorum): a proposal whose value has a
     * vote (a prevote or precommit of its round, or a prevote of its valid round) is always admitted and never evicted;
     * the others fill at most {@link #MAX_PROPOSALS_PER_ROUND} places, and when they are full the oldest of them that the
     * round state does not name (locked or valid value) gives way to the newest. Votes come from a bounded validator set,
     * so the supported proposals are bounded too; an equivocating proposer's flood cannot push out a value that honest
     * validators voted for, and the newest proposal (the likeliest to be the one the others saw first) stays until its
     * votes arrive.
     */
    public List<DriverEffect> onProposal(ReceivedProposal p) {
        List<DriverEffect> out = new ArrayList<>();
        int round = p.proposal().round();
        if (!p.proposal().proposer().equals(schedule.proposer(round))) {
            return out; // the caller authenticates; a proposal of anyone else is never booked
        }
        LinkedHashMap<Hash32, ReceivedProposal> book = proposals.computeIfAbsent(round, r -> new LinkedHashMap<>());
        if (book.containsKey(p.blockId())) {
            return out;
        }
        if (!supported(p) && unsupportedCount(book) >= MAX_PROPOSALS_PER_ROUND && !evictOneUnsupported(book)) {
            return out;
        }
        book.put(p.blockId(), p);
        evaluate(out);
        return out;
    }

    /** Whether some validator voted for the proposal's value where a rule could use the proposal. */
    private boolean supported(ReceivedProposal p) {
        int r = p.proposal().round();
        int vr = p.proposal().validRound();
        Hash32 id = p.blockId();
        return votes.hasVoteFor(VoteKind.PREVOTE, r, id) || votes.hasVoteFor(VoteKind.PRECOMMIT, r, id)
                || vr >= 0 && votes.hasVoteFor(VoteKind.PREVOTE, vr, id);
    }

    private boolean pinned(ReceivedProposal p) {
        return supported(p) || p.blockId().equals(state.lockedValue()) || p.blockId().equals(state.validValue());
    }

    private int unsupportedCount(LinkedHashMap<Hash32, ReceivedProposal> book) {
        int n = 0;
        for (ReceivedProposal q : book.values()) {
            if (!pinned(q)) {
                n++;
            }
        }
        return n;
    }

    private boolean evictOneUnsupported(LinkedHashMap<Hash32, ReceivedProposal> book) {
        for (var it = book.values().iterator(); it.hasNext();) {
            if (!pinned(it.next())) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    public List<DriverEffect> onVote(SignedVote v) {
        List<DriverEffect> out = new ArrayList<>();
        VoteAddResult r = votes.add(v);
        if (r instanceof VoteAddResult.Equivocation e) {
            out.add(new DriverEffect.EvidenceFound(e.evidence()));
            evaluate(out);
        } else if (r == VoteAddResult.ADDED) {
            evaluate(out);
        }
        return out;
    }

    public List<DriverEffect> onTimeout(RoundStep step, int round) {
        List<DriverEffect> out = new ArrayList<>();
        RoundInput in = switch (step) {
            case PROPOSE -> new RoundInput.TimeoutPropose(round);
            case PREVOTE -> new RoundInput.TimeoutPrevote(round);
            case PRECOMMIT -> new RoundInput.TimeoutPrecommit(round);
            default -> throw new IllegalArgumentException("no timeout for step " + step);
        };
        step(in, out);
        evaluate(out);
        return out;
    }

    /** The answer to {@link DriverEffect.RequestValue}: the block this node proposes in {@code round}. */
    public List<DriverEffect> onValue(int round, Block block, Hash32 blockId) {
        List<DriverEffect> out = new ArrayList<>();
        ownValues.put(round, block);
        step(new RoundInput.ProposeValue(round, blockId), out);
        evaluate(out);
        return out;
    }

    /** Proposals of a round in arrival order. */
    public List<ReceivedProposal> proposalsOf(int round) {
        LinkedHashMap<Hash32, ReceivedProposal> b = proposals.get(round);
        return b == null ? List.of() : List.copyOf(b.values());
    }

    private Optional<ReceivedProposal> proposal(int round, Hash32 id) {
        LinkedHashMap<Hash32, ReceivedProposal> b = proposals.get(round);
        return b == null ? Optional.empty() : Optional.ofNullable(b.get(id));
    }

    /** Applies every enabled rule until none is. */
    private void evaluate(List<DriverEffect> out) {
        boolean progress = true;
        while (progress && state.step() != RoundStep.COMMIT) {
            progress = false;
            // L49: any round r with a proposal for v and 2f+1 precommits for id(v), valid(v) (L50)
            for (VoteKeeper.RoundValue rv : votes.precommitQuorums()) {
                Optional<ReceivedProposal> p = proposal(rv.round(), rv.value());
                if (p.isPresent() && p.get().valid()) {
                    step(new RoundInput.ProposalAndPrecommitValue(rv.round(), rv.value()), out);
                    return;
                }
            }
            // L55: f+1 messages of a higher round
            Optional<Integer> skip = votes.highestSkipRoundAbove(state.round());
            if (skip.isPresent() && step(new RoundInput.SkipRound(skip.get()), out)) {
                progress = true;
                continue;
            }
            int r = state.round();
            if (state.step() == RoundStep.PROPOSE) {
                for (ReceivedProposal p : proposalsOf(r)) {
                    int vr = p.proposal().validRound();
                    if (vr == -1) { // L22
                        progress |= step(new RoundInput.Proposal(r, p.blockId(), p.valid()), out);
                    } else if (vr < r && votes.hasQuorumFor(VoteKind.PREVOTE, vr, p.blockId())) { // L28
                        progress |= step(new RoundInput.ProposalAndPolkaPrevious(r, p.blockId(), vr, p.valid()), out);
                    }
                    if (progress) {
                        break;
                    }
                }
                if (progress) {
                    continue;
                }
            }
            if (votes.hasQuorumAny(VoteKind.PREVOTE, r)) { // L34
                progress |= step(new RoundInput.PolkaAny(r), out);
            }
            for (ReceivedProposal p : proposalsOf(r)) { // L36
                if (p.valid() && votes.hasQuorumFor(VoteKind.PREVOTE, r, p.blockId())) {
                    progress |= step(new RoundInput.ProposalAndPolkaCurrent(r, p.blockId()), out);
                }
            }
            if (votes.hasQuorumFor(VoteKind.PREVOTE, r, Hash32.ZERO)) { // L44
                progress |= step(new RoundInput.PolkaNil(r), out);
            }
            if (votes.hasQuorumAny(VoteKind.PRECOMMIT, r)) { // L47
                progress |= step(new RoundInput.PrecommitAny(r), out);
            }
        }
    }

    /** Applies one input; returns whether the machine took a step. */
    private boolean step(RoundInput in, List<DriverEffect> out) {
        RoundState before = state;
        RoundTransition t = machine.apply(state, in);
        state = t.state();
        for (RoundOutput o : t.outputs()) {
            out.add(toEffect(o));
        }
        return t.changed(before);
    }

    private DriverEffect toEffect(RoundOutput o) {
        if (o instanceof RoundOutput.NewRound n) {
            return new DriverEffect.EnteredRound(n.height(), n.round());
        } else if (o instanceof RoundOutput.RequestValue rv) {
            return new DriverEffect.RequestValue(rv.height(), rv.round());
        } else if (o instanceof RoundOutput.Propose p) {
            Block b = ownValues.get(p.round());
            if (b == null || p.validRound() != -1) {
                b = blockFor(p.value());
            }
            return new DriverEffect.SignProposal(p.height(), p.round(), p.validRound(), p.value(), b);
        } else if (o instanceof RoundOutput.CastVote v) {
            return new DriverEffect.SignVote(new seqpool.api.consensus.Vote(v.kind(), v.height(), v.round(), v.value(), self));
        } else if (o instanceof RoundOutput.ScheduleTimeout t) {
            return new DriverEffect.ScheduleTimeout(t.step(), t.height(), t.round());
        } else if (o instanceof RoundOutput.Decide d) {
            Block b = blockFor(d.value());
            return new DriverEffect.Decided(d.height(), d.round(), d.value(), b, votes.precommitsFor(d.round(), d.value()));
        }
        throw new IllegalStateException("unhandled round output " + o);
    }

    private Block blockFor(Hash32 id) {
        for (LinkedHashMap<Hash32, ReceivedProposal> b : proposals.values()) {
            ReceivedProposal p = b.get(id);
            if (p != null) {
                return p.block();
            }
        }
        throw new IllegalStateException("no block known for value " + id);
    }
}
