package seqpool.pos.sim;

import java.util.Optional;
import java.util.function.Function;

import seqpool.api.common.Bytes;
import seqpool.api.consensus.CommitListener;
import seqpool.api.consensus.CommittedBlock;
import seqpool.api.consensus.ConsensusEngine;
import seqpool.api.consensus.DuplicateVoteEvidence;
import seqpool.api.consensus.SubmitResult;
import seqpool.api.consensus.ValidatorSet;
import seqpool.api.p2p.Subscription;

/**
 * What the PoS service needs of the engine in the simulator: only {@link #submit} (rotation votes), carried out by the
 * simulator on the node's engine. The rest is driven by the simulator itself and never asked for here.
 */
final class SimEngine implements ConsensusEngine {
    private final Function<Bytes, SubmitResult> submit;

    SimEngine(Function<Bytes, SubmitResult> submit) {
        this.submit = submit;
    }

    @Override
    public SubmitResult submit(Bytes tx) {
        return submit.apply(tx);
    }

    @Override
    public Subscription follow(long fromHeight, CommitListener listener) {
        throw new UnsupportedOperationException("the simulator reports commits itself");
    }

    @Override
    public long committedHeight() {
        throw new UnsupportedOperationException("not needed by the PoS service");
    }

    @Override
    public Optional<CommittedBlock> block(long height) {
        throw new UnsupportedOperationException("not needed by the PoS service");
    }

    @Override
    public ValidatorSet currentValidators() {
        throw new UnsupportedOperationException("not needed by the PoS service");
    }

    @Override
    public SubmitResult submitEvidence(DuplicateVoteEvidence evidence) {
        throw new UnsupportedOperationException("not needed by the PoS service");
    }
}
