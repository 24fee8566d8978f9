package seqpool.consensus.votes;

import seqpool.api.consensus.DuplicateVoteEvidence;

/** What became of a vote offered to the keeper (Teku-style validation outcome). */
public sealed interface VoteAddResult {
    /** New vote, counted. */
    record Added() implements VoteAddResult {
    }

    /** Same vote already counted (duplicate delivery). */
    record Duplicate() implements VoteAddResult {
    }

    /**
     * The voter already voted differently in this round and kind: here is the proof. Both votes stay counted, each for
     * its value (the paper counts messages; at most {@link VoteKeeper#MAX_VALUES_PER_VOTER} values per voter, further
     * ones are evidence only). Counting the first only, as this comment once said, loses liveness without CometBFT's
     * maj23 claims: a node that saw the equivocator's other vote first can never see the polka behind a lock
     * (SimulationTest n4DoubleVoter seed 4000, n4Twins 5023, n7Mixed 6000 stall). Safety is unaffected: any two
     * quorums still share an honest validator.
     */
    record Equivocation(DuplicateVoteEvidence evidence) implements VoteAddResult {
    }

    /** The voter is not in the height's validator set. */
    record NotAValidator() implements VoteAddResult {
    }

    VoteAddResult ADDED = new Added();
    VoteAddResult DUPLICATE = new Duplicate();
    VoteAddResult NOT_A_VALIDATOR = new NotAValidator();
}
