package seqpool.consensus.votes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.DuplicateVoteEvidence;
import seqpool.api.consensus.SignedVote;
import seqpool.api.consensus.Validator;
import seqpool.api.consensus.ValidatorSet;
import seqpool.api.consensus.Vote;
import seqpool.api.consensus.VoteKind;

/**
 * The votes of one height. Signatures, height and round window are checked by the caller before a vote gets here; the
 * keeper checks membership and counts, per (round, kind), each validator once per value it voted for and once for
 * "any" — the paper's counting of messages from distinct senders; a second, different vote is also reported as
 * equivocation evidence. Thresholds are strict:
 * quorum = more than 2/3 of the total power ({@code 3·p > 2·total}), skip = more than 1/3 ({@code 3·p > total}).
 * Not thread-safe (owned by the driver).
 */
public final class VoteKeeper {
    /** Values counted per validator, round and kind; further conflicting votes are evidence only. */
    static final int MAX_VALUES_PER_VOTER = 2;

    private final long height;
    private final ValidatorSet validators;
    private final long total;
    /** Power by address: one lookup per vote (the set's own lookup scans its list). */
    private final Map<Address, Long> powers = new HashMap<>();
    private final TreeMap<Integer, RoundVotes> prevotes = new TreeMap<>();
    private final TreeMap<Integer, RoundVotes> precommits = new TreeMap<>();
    private final TreeMap<Integer, Set<Address>> anyVoters = new TreeMap<>();

    public VoteKeeper(long height, ValidatorSet validators) {
        this.height = height;
        this.validators = validators;
        this.total = validators.totalPower();
        for (Validator v : validators.validators()) {
            powers.put(v.address(), v.power());
        }
    }

    public VoteAddResult add(SignedVote sv) {
        Vote v = sv.vote();
        if (v.height() != height) {
            throw new IllegalArgumentException("vote for height " + v.height() + " given to keeper of " + height);
        }
        long power = powers.getOrDefault(v.voter(), 0L);
        if (power == 0) {
            return VoteAddResult.NOT_A_VALIDATOR;
        }
        RoundVotes rv = (v.kind() == VoteKind.PREVOTE ? prevotes : precommits).computeIfAbsent(v.round(), r -> new RoundVotes());
        if (rv.has(v.voter(), v.blockId())) {
            return VoteAddResult.DUPLICATE;
        }
        SignedVote prior = rv.first(v.voter());
        if (prior != null && rv.valuesOf(v.voter()) >= MAX_VALUES_PER_VOTER) {
            // still evidence, but not stored: a Byzantine voter cannot fill memory with values
            return new VoteAddResult.Equivocation(new DuplicateVoteEvidence(prior, sv));
        }
        rv.add(sv, power);
        anyVoters.computeIfAbsent(v.round(), r -> new HashSet<>()).add(v.voter());
        if (prior != null) {
            // Counted for its value as the paper counts messages; the pair is the evidence.
            return new VoteAddResult.Equivocation(new DuplicateVoteEvidence(prior, sv));
        }
        return VoteAddResult.ADDED;
    }

    /** Whether exactly this signed vote (same signature) is already counted: relayed copies need no new check. */
    public boolean contains(SignedVote sv) {
        Vote v = sv.vote();
        if (v.height() != height) {
            return false;
        }
        RoundVotes rv = (v.kind() == VoteKind.PREVOTE ? prevotes : precommits).get(v.round());
        return rv != null && rv.votesFor(v.blockId()).contains(sv);
    }

    public boolean isQuorum(long power) {
        return 3 * power > 2 * total;
    }

    private boolean isSkip(long power) {
        return 3 * power > total;
    }

    private RoundVotes get(VoteKind kind, int round) {
        RoundVotes rv = (kind == VoteKind.PREVOTE ? prevotes : precommits).get(round);
        return rv == null ? new RoundVotes() : rv;
    }

    /** More than 2/3 of the power voted {@code kind} for {@code value} (ZERO = nil) in {@code round}. */
    public boolean hasQuorumFor(VoteKind kind, int round, Hash32 value) {
        return isQuorum(get(kind, round).powerFor(value));
    }

    /** Some validator's counted vote of {@code kind} for {@code value} in {@code round}. */
    public boolean hasVoteFor(VoteKind kind, int round, Hash32 value) {
        return get(kind, round).powerFor(value) > 0;
    }

    /** More than 2/3 of the power voted {@code kind} for anything (values and nil together) in {@code round}. */
    public boolean hasQuorumAny(VoteKind kind, int round) {
        return isQuorum(get(kind, round).anyPower());
    }

    /** Rounds above {@code round} in which validators with more than 1/3 of the power sent a vote (L55). */
    public Optional<Integer> highestSkipRoundAbove(int round) {
        for (Integer r : anyVoters.descendingKeySet()) {
            if (r <= round) {
                break;
            }
            long p = 0;
            for (Address a : anyVoters.get(r)) {
                p += powers.get(a);
            }
            if (isSkip(p)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Non-nil values with a precommit quorum, by round (L49 candidates). */
    public List<RoundValue> precommitQuorums() {
        List<RoundValue> out = new ArrayList<>();
        for (var e : precommits.entrySet()) {
            for (var pv : e.getValue().powerByValue().entrySet()) {
                if (!pv.getKey().isZero() && isQuorum(pv.getValue())) {
                    out.add(new RoundValue(e.getKey(), pv.getKey()));
                }
            }
        }
        return out;
    }

    /** The precommits for a value in a round: the commit certificate once they form a quorum. */
    public List<SignedVote> precommitsFor(int round, Hash32 value) {
        return get(VoteKind.PRECOMMIT, round).votesFor(value);
    }

    /** Every vote this keeper counted in a round (for gossip / retransmission). */
    public List<SignedVote> votesOf(int round) {
        List<SignedVote> out = get(VoteKind.PREVOTE, round).all();
        out.addAll(get(VoteKind.PRECOMMIT, round).all());
        return out;
    }

    public long height() {
        return height;
    }

    public ValidatorSet validators() {
        return validators;
    }

    /** A (round, value) pair. */
    public record RoundValue(int round, Hash32 value) {
    }

    /** Convenience for callers that gather evidence. */
    public static Optional<DuplicateVoteEvidence> evidenceOf(VoteAddResult r) {
        return r instanceof VoteAddResult.Equivocation e ? Optional.of(e.evidence()) : Optional.empty();
    }
}
