package seqpool.consensus.driver;

import java.util.List;

import seqpool.api.common.Hash32;
import seqpool.api.consensus.Block;
import seqpool.api.consensus.DuplicateVoteEvidence;
import seqpool.api.consensus.SignedVote;
import seqpool.api.consensus.Vote;
import seqpool.consensus.round.RoundStep;

/** What the driver asks the host to do. The host is the only code that signs, persists, sends or sets timers. */
public sealed interface DriverEffect {
    /** The node entered a round (trace {@code NewRound}). */
    record EnteredRound(long height, int round) implements DriverEffect {
    }

    /** getValue(): build a block for this height and round and answer with {@link Driver#onValue}. */
    record RequestValue(long height, int round) implements DriverEffect {
    }

    /** Sign and broadcast a proposal of this block (then feed it back with {@link Driver#onProposal}). */
    record SignProposal(long height, int round, int validRound, Hash32 blockId, Block block) implements DriverEffect {
    }

    /** Sign and broadcast this vote (then feed it back with {@link Driver#onVote}). */
    record SignVote(Vote vote) implements DriverEffect {
    }

    /** Call {@link Driver#onTimeout} for (step, round) after the step's timeout for that round. */
    record ScheduleTimeout(RoundStep step, long height, int round) implements DriverEffect {
    }

    /** The height is decided: commit the block with these precommits as its certificate. */
    record Decided(long height, int round, Hash32 blockId, Block block, List<SignedVote> precommits) implements DriverEffect {
        public Decided {
            precommits = List.copyOf(precommits);
        }
    }

    /** A validator equivocated: gossip the evidence and include it in a block. */
    record EvidenceFound(DuplicateVoteEvidence evidence) implements DriverEffect {
    }
}
