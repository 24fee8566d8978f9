package seqpool.consensus.wire;

import java.util.List;

import seqpool.api.common.Bytes;
import seqpool.api.consensus.Block;
import seqpool.api.consensus.CommittedBlock;
import seqpool.api.consensus.DuplicateVoteEvidence;
import seqpool.api.consensus.SignedVote;

/** The messages of the consensus channel. Each has one canonical encoding ({@link MessageCodec}). */
public sealed interface ConsensusMessage {
    /** A signed proposal with its full block. */
    record ProposalMsg(SignedProposal proposal, Block block) implements ConsensusMessage {
    }

    /** A signed prevote or precommit. */
    record VoteMsg(SignedVote vote) implements ConsensusMessage {
    }

    /** Equivocation evidence, gossiped until committed. */
    record EvidenceMsg(DuplicateVoteEvidence evidence) implements ConsensusMessage {
    }

    /** The sender's current height (it has committed height − 1); peers ahead answer with blocks. */
    record Status(long height) implements ConsensusMessage {
    }

    /** Asks for the committed block at a height. */
    record BlockRequest(long height) implements ConsensusMessage {
    }

    /** A committed block with its commit certificate (catch-up). */
    record BlockResponse(CommittedBlock block) implements ConsensusMessage {
    }

    /** Transactions gossiped between mempools. */
    record Txs(List<Bytes> txs) implements ConsensusMessage {
    }
}
