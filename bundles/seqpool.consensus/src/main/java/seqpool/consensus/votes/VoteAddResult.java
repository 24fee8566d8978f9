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

    /** The voter already voted differently in this round and kind: the first vote stays counted, here is the proof. */
    record Equivocation(DuplicateVoteEvidence evidence) implements VoteAddResult {
    }

    /** The voter is not in the height's validator set. */
    record NotAValidator() implements VoteAddResult {
    }

    VoteAddResult ADDED = new Added();
    VoteAddResult DUPLICATE = new Duplicate();
    VoteAddResult NOT_A_VALIDATOR = new NotAValidator();
}
