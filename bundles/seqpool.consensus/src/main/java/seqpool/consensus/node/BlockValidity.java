package seqpool.consensus.node;

import seqpool.api.common.Hash32;
import seqpool.api.consensus.ProcessProposalRequest;
import seqpool.api.consensus.ProposalVerdict;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import seqpool.api.common.Bytes;
import seqpool.api.consensus.Block;
import seqpool.api.consensus.DuplicateVoteEvidence;
import seqpool.api.consensus.ValidatorSet;

/**
 * valid(v) of the paper for a block at the node's current height. {@link #structure} holds for every block this node
 * may commit, a certified one received by block sync included: height and parent link, proposer, limits, no duplicate
 * transaction, every piece of evidence authentic, recent (its height's validator set is known), not committed before
 * and not repeated. {@link #proposal} adds the application's judgement (ABCI++ processProposal), which a validator
 * applies before it prevotes a proposal and never to a block that already has a commit certificate.
 */
final class BlockValidity {
    private BlockValidity() {
    }

    /** Structure, then the application's processProposal. */
    static Optional<String> proposal(ConsensusNode n, Block b, int round, Hash32 blockId) {
        Optional<String> bad = structure(n, b);
        if (bad.isPresent()) {
            return bad;
        }
        ProposalVerdict v = n.app.processProposal(new ProcessProposalRequest(b.height(), round, blockId, b));
        return v.accepted() ? Optional.empty() : Optional.of("application rejects the block: " + v.reason());
    }

    static Optional<String> structure(ConsensusNode n, Block b) {
        if (b.height() != n.driver.height()) {
            return Optional.of("block height " + b.height() + " is not " + n.driver.height());
        }
        if (!b.previous().equals(n.lastBlockId)) {
            return Optional.of("block " + b.height() + " does not extend the last committed block");
        }
        // valid(v) is a property of the value alone: a value re-proposed in a later round (L16) keeps its creator.
        if (n.currentValidators().powerOf(b.proposer()) == 0) {
            return Optional.of("block creator " + b.proposer() + " is not a validator of height " + b.height());
        }
        if (b.txs().size() > n.config.maxBlockTxs()) {
            return Optional.of("block has " + b.txs().size() + " txs, limit " + n.config.maxBlockTxs());
        }
        long bytes = 0;
        Set<Bytes> seen = new HashSet<>();
        for (Bytes tx : b.txs()) {
            bytes += tx.size() + 4;
            if (!seen.add(tx)) {
                return Optional.of("block repeats a transaction");
            }
        }
        if (bytes > n.config.maxBlockBytes()) {
            return Optional.of("block has " + bytes + " bytes of txs, limit " + n.config.maxBlockBytes());
        }
        Set<String> evKeys = new HashSet<>();
        for (DuplicateVoteEvidence e : b.evidence()) {
            ValidatorSet set = n.recentSets.get(e.height());
            if (set == null) {
                return Optional.of("evidence of height " + e.height() + " is too old or from the future");
            }
            Optional<String> bad = n.checks.evidence(e, set);
            if (bad.isPresent()) {
                return Optional.of("invalid evidence: " + bad.get());
            }
            if (n.evidence.isCommitted(e) || !evKeys.add(EvidencePool.key(e))) {
                return Optional.of("evidence against " + e.offender() + " is already committed or repeated");
            }
        }
        return Optional.empty();
    }
}
