package seqpool.consensus.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.CheckTxResult;
import seqpool.api.consensus.ConsensusApplication;
import seqpool.api.consensus.DuplicateVoteEvidence;
import seqpool.api.consensus.FinalizeBlockRequest;
import seqpool.api.consensus.FinalizeBlockResult;
import seqpool.api.consensus.ValidatorUpdate;

/**
 * A deterministic test application: accepts transactions starting with 't', records every finalized block and the
 * evidence handed to it, survives restarts of its node (its committed state is "durable").
 */
final class SimApp extends seqpool.consensus.testing.MempoolOnlyApplication {
    final TreeMap<Long, Hash32> committed = new TreeMap<>();
    final TreeMap<Long, FinalizeBlockRequest> finalized = new TreeMap<>();
    final List<DuplicateVoteEvidence> evidence = new ArrayList<>();
    final TreeMap<Long, List<ValidatorUpdate>> updatesAt = new TreeMap<>();
    private long lastCommitted;

    @Override
    public CheckTxResult checkTx(Bytes tx) {
        return tx.size() > 0 && tx.get(0) == 't' ? CheckTxResult.OK : CheckTxResult.rejected("not a test tx");
    }

    @Override
    public FinalizeBlockResult finalizeBlock(FinalizeBlockRequest request) {
        if (request.height() != lastCommitted + 1) {
            throw new IllegalStateException("finalizeBlock(" + request.height() + ") after commit(" + lastCommitted + ")");
        }
        finalized.put(request.height(), request);
        evidence.addAll(request.misbehavior());
        return new FinalizeBlockResult(Hash32.ZERO, updatesAt.getOrDefault(request.height(), List.of()));
    }

    @Override
    public void commit(long height) {
        committed.put(height, finalized.get(height).blockId());
        lastCommitted = height;
    }

    @Override
    public long lastCommittedHeight() {
        return lastCommitted;
    }
}
