package seqpool.api.consensus;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

import seqpool.api.common.Bytes;

/**
 * The application on top of the engine (ABCI++ idea): it supplies the genesis validators, builds the proposer's block
 * ({@link #prepareProposal}), judges a received proposal before this validator prevotes ({@link #processProposal}),
 * and executes committed blocks.
 *
 * <p>Calls come from the engine's single event thread, in order: {@code genesisValidators} once per engine start;
 * {@code checkTx} for transactions offered to the mempool; {@code prepareProposal} when this node proposes;
 * {@code processProposal} for every proposal this node judges (its own included); then, for each committed height H in
 * increasing order, exactly one {@code finalizeBlock(H)} followed by {@code commit(H)}. After a restart the engine
 * resumes with the height after {@link #lastCommittedHeight()}, replaying blocks the application has not committed yet.
 * {@code finalizeBlock} must be deterministic (same blocks, same results); {@code prepareProposal} and
 * {@code processProposal} may consult local views (e.g. this node's view of L1), which is how validators vote on side
 * transactions. No call may block for long. An exception from the application stops the engine (it is a bug, not peer
 * input).
 */
@ConsumerType
public interface ConsensusApplication {
    /** The validators of height 1. Every start must return the same set (the engine replays from it). */
    ValidatorSet genesisValidators();

    /** Whether a transaction may enter the mempool. Must not change committed state. */
    CheckTxResult checkTx(Bytes tx);

    /**
     * The proposer's block content: from the mempool's checked candidates (in mempool order) the application keeps,
     * drops or reorders transactions and may add its own (for example confirmed L1 events). The result must respect
     * the request's limits; the engine drops what exceeds them.
     */
    List<Bytes> prepareProposal(PrepareProposalRequest request);

    /**
     * Whether this validator accepts a proposed block: a rejected block gets a nil prevote from this node. Must not
     * change committed state.
     */
    ProposalVerdict processProposal(ProcessProposalRequest request);

    /** Executes a committed block; returns the app hash and validator updates effective from the next height. */
    FinalizeBlockResult finalizeBlock(FinalizeBlockRequest request);

    /** Makes the results of {@code finalizeBlock(height)} durable. */
    void commit(long height);

    /** The last height the application committed durably (0 if none). */
    long lastCommittedHeight();
}
