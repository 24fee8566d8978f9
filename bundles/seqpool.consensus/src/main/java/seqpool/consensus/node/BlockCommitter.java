package seqpool.consensus.node;

import java.util.List;
import java.util.Optional;

import seqpool.api.consensus.CommittedBlock;
import seqpool.api.consensus.FinalizeBlockRequest;
import seqpool.api.consensus.FinalizeBlockResult;
import seqpool.api.consensus.ValidatorSet;
import seqpool.api.consensus.ValidatorUpdate;
import seqpool.api.store.StoreException;
import seqpool.consensus.driver.Driver;
import seqpool.consensus.validators.ValidatorSchedule;

/**
 * Commits decided (or synced) blocks: the application's finalizeBlock, then block, certificate and validator updates
 * to the store (durable), then the application's commit, then the next height. On start it rebuilds the validator
 * schedule from the stored updates and replays to the application the blocks it has not committed yet.
 */
final class BlockCommitter {
    static final int EVIDENCE_MAX_AGE = 100;

    private final ConsensusNode n;

    BlockCommitter(ConsensusNode n) {
        this.n = n;
    }

    void restore(ValidatorSet genesis) throws StoreException {
        long last = n.store.lastHeight();
        ValidatorSchedule s = ValidatorSchedule.genesis(genesis);
        for (long h = 1; h <= last; h++) {
            n.recentSets.put(h, s.validators());
            s = s.afterCommit(n.store.updates(h));
        }
        n.recentSets.keySet().removeIf(h -> h < last - EVIDENCE_MAX_AGE);
        n.recentSets.put(last + 1, s.validators());
        long appHeight = n.app.lastCommittedHeight();
        if (appHeight > last) {
            throw new IllegalStateException("application committed height " + appHeight + " but the engine only " + last);
        }
        for (long h = Math.min(appHeight + 1, Math.max(1, last - EVIDENCE_MAX_AGE)); h <= last; h++) {
            CommittedBlock cb = n.store.block(h).orElseThrow();
            if (h >= last - EVIDENCE_MAX_AGE) {
                n.evidence.markCommitted(cb.block().evidence());
            }
            if (h > appHeight) { // handshake: the application missed these commits (crash between store and app)
                n.app.finalizeBlock(new FinalizeBlockRequest(h, cb.blockId(), cb.block(), cb.block().evidence()));
                n.app.commit(h);
            }
        }
        if (last > 0) {
            Optional<CommittedBlock> top = n.store.block(last);
            n.lastBlockId = top.orElseThrow().blockId();
        }
        n.driver = new Driver(s, n.self);
    }

    void commit(CommittedBlock cb) throws StoreException {
        long h = cb.height();
        FinalizeBlockResult r = n.app.finalizeBlock(new FinalizeBlockRequest(h, cb.blockId(), cb.block(), cb.block().evidence()));
        List<ValidatorUpdate> ups = r.validatorUpdates();
        ValidatorSchedule next = n.driver.schedule().afterCommit(ups);
        n.store.putBlock(cb, ups);
        n.store.pruneBelow(h + 1);
        n.store.flush();
        n.app.commit(h);
        n.mempool.removeAll(cb.block().txs());
        n.mempool.recheck(tx -> n.app.checkTx(tx).accepted());
        n.evidence.markCommitted(cb.block().evidence());
        n.tracer.decide(h, cb.certificate().round(), cb.blockId());
        n.actions.add(new NodeAction.Committed(cb));
        n.lastBlockId = cb.blockId();
        n.recentSets.put(h + 1, next.validators());
        n.recentSets.keySet().removeIf(x -> x < h - EVIDENCE_MAX_AGE);
        n.startHeight(new Driver(next, n.self));
    }
}
