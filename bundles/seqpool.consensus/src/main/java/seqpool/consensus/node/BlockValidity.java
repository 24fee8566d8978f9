package seqpool.consensus.node;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import seqpool.api.common.Bytes;
import seqpool.api.consensus.Block;
import seqpool.api.consensus.DuplicateVoteEvidence;
import seqpool.api.consensus.ValidatorSet;

/**
 * valid(v) of the paper for a block at the node's current height: height and parent link, proposer, limits, no
 * duplicate transaction, every transaction accepted by the application's checkTx, every piece of evidence authentic,
 * recent (its height's validator set is known), not committed before and not repeated.
 */
final class BlockValidity {
    private BlockValidity() {
    }

    static Optional<String> check(ConsensusNode n, Block b) {
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
            if (!n.app.checkTx(tx).accepted()) {
                return Optional.of("block contains a transaction the application rejects");
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
