package seqpool.pos.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.CheckTxResult;
import seqpool.api.consensus.ConsensusApplication;
import seqpool.api.consensus.FinalizeBlockRequest;
import seqpool.api.consensus.FinalizeBlockResult;
import seqpool.api.consensus.PrepareProposalRequest;
import seqpool.api.consensus.ProcessProposalRequest;
import seqpool.api.consensus.ProposalVerdict;
import seqpool.api.consensus.Validator;
import seqpool.api.consensus.ValidatorSet;
import seqpool.api.sequencer.L2Chain;
import seqpool.api.store.StoreException;
import seqpool.codec.crypto.Secp256k1;
import seqpool.pos.select.PowerRule;
import seqpool.pos.state.Effects;
import seqpool.pos.state.Genesis;
import seqpool.pos.state.PosMachine;
import seqpool.pos.state.PosParams;
import seqpool.pos.state.PosState;
import seqpool.pos.state.StateCodec;
import seqpool.pos.tx.MalformedTxException;
import seqpool.pos.tx.PosTx;
import seqpool.pos.tx.PosTxCodec;
import seqpool.pos.tx.SignedBody;

/**
 * The PoS application (ABCI++) over the store: {@code finalizeBlock} runs the {@link PosMachine} on a copy of the
 * committed state, {@code commit} makes it durable in one write and then publishes what the block did (trace events,
 * assignments, tasks) through {@link PosEvents}. Called only from the consensus thread (ConsensusApplication's
 * contract); {@link #view()} may be read from any thread.
 */
public final class PosApplication implements ConsensusApplication {
    private final PosParams params;
    private final PosStore store;
    private final Genesis genesis;
    private final ProposalRules rules;
    private final Supplier<Optional<L2Chain>> l2;
    private final PosEvents events;
    private PosState committed;
    private PosState working;
    private Effects workingEffects;
    private volatile PosView view;

    /** Opens the stored state, or starts from {@code genesis} (then stored with the first commit). */
    public PosApplication(PosParams params, seqpool.api.store.KeyValueStore kv, Genesis genesis,
            seqpool.api.bridge.Bridge bridge, Supplier<Optional<L2Chain>> l2, PosEvents events) throws StoreException {
        this.params = params;
        this.store = new PosStore(kv);
        this.rules = new ProposalRules(params, bridge);
        this.l2 = l2;
        this.events = events;
        Optional<Genesis> stored = store.genesis();
        if (stored.isPresent() && !stored.get().equals(genesis)) {
            throw new StoreException("the store holds a different PoS genesis (L1 block " + stored.get().l1Block()
                    + ") than configured (L1 block " + genesis.l1Block() + ")");
        }
        this.genesis = genesis;
        Optional<PosState> s = store.state();
        if (s.isPresent()) {
            committed = s.get();
        } else {
            Effects fx = new Effects();
            committed = PosMachine.genesis(params, genesis, fx);
            store.commit(committed, fx.assignments(), fx.forced(), genesis);
            events.publish(committed, fx);
        }
        view = PosView.of(committed);
    }

    public PosView view() {
        return view;
    }

    public PosParams params() {
        return params;
    }

    /** A copy of the committed state (tests, diagnostics). */
    PosState committedCopy() {
        try {
            return StateCodec.decode(StateCodec.encode(committed));
        } catch (MalformedTxException e) {
            throw new IllegalStateException("state does not round-trip", e);
        }
    }

    @Override
    public ValidatorSet genesisValidators() {
        List<Validator> vs = new ArrayList<>();
        for (Genesis.GenesisMember m : genesis.members()) {
            vs.add(new Validator(m.signer(), PowerRule.power(m.stake())));
        }
        return new ValidatorSet(vs);
    }

    /** Only member-signed votes and reports enter the mempool, and only while they still apply. */
    @Override
    public CheckTxResult checkTx(Bytes raw) {
        PosTx tx;
        try {
            tx = PosTxCodec.decode(raw);
        } catch (MalformedTxException e) {
            return CheckTxResult.rejected("malformed: " + e.getMessage());
        }
        if (!(tx instanceof PosTx.Signed s)) {
            return CheckTxResult.rejected("L1 events and L2 progress are added by the proposer only");
        }
        Hash32 digest = PosTxCodec.signingDigest(params.l1ChainId(), params.lockingPool(), s.body());
        if (!Secp256k1.verify(digest, s.signature(), s.signer())) {
            return CheckTxResult.rejected("bad signature for " + s.signer());
        }
        return Relevance.check(committed, s.signer(), s.body());
    }

    @Override
    public List<Bytes> prepareProposal(PrepareProposalRequest request) {
        List<Bytes> out = new ArrayList<>(rules.injected(committed, l2.get()));
        for (Bytes tx : request.candidates()) {
            if (checkTx(tx).accepted()) {
                out.add(tx);
            }
        }
        return out;
    }

    @Override
    public ProposalVerdict processProposal(ProcessProposalRequest request) {
        return rules.judge(committed, request.block().txs());
    }

    @Override
    public FinalizeBlockResult finalizeBlock(FinalizeBlockRequest request) {
        if (request.height() != committed.height() + 1) {
            throw new IllegalStateException("finalizeBlock(" + request.height() + ") after commit(" + committed.height()
                    + ")");
        }
        try {
            working = StateCodec.decode(StateCodec.encode(committed));
        } catch (MalformedTxException e) {
            throw new IllegalStateException("state does not round-trip", e);
        }
        workingEffects = new Effects();
        PosMachine m = new PosMachine(params, working, workingEffects);
        m.beginBlock(request.height(), request.blockId());
        for (Bytes raw : request.block().txs()) {
            try {
                m.apply(PosTxCodec.decode(raw));
            } catch (MalformedTxException ignored) {
                // a committed block can hold bytes this version cannot read: the same on every node, skipped
            }
        }
        m.misbehavior(request.misbehavior());
        var updates = m.endBlock();
        return new seqpool.api.consensus.FinalizeBlockResult(StateCodec.hash(working), updates);
    }

    @Override
    public void commit(long height) {
        if (working == null || working.height() != height) {
            throw new IllegalStateException("commit(" + height + ") without its finalizeBlock");
        }
        try {
            store.commit(working, workingEffects.assignments(), workingEffects.forced(), null);
        } catch (StoreException e) {
            throw new IllegalStateException("cannot store PoS state at height " + height + ": " + e.getMessage(), e);
        }
        committed = working;
        working = null;
        view = PosView.of(committed);
        events.publish(committed, workingEffects);
    }

    @Override
    public long lastCommittedHeight() {
        return committed.height();
    }

    /**
     * The forced-inclusion queue of the committed state {@code v}: messages {@code from} on (at most {@code max}),
     * from the store's forced log.
     */
    seqpool.api.pos.ForcedQueue forced(PosView v, long from, int max) {
        if (!params.forcedInclusion()) {
            return seqpool.api.pos.ForcedQueue.disabled(v.status().l2Head());
        }
        try {
            return new seqpool.api.pos.ForcedQueue(params.forcedInclusionBlocks(), v.status().l2Head(), v.forcedLength(),
                    v.forcedIncluded(), store.forced(Math.max(0, from), v.forcedLength(), max, v.forcedIncluded()));
        } catch (StoreException e) {
            throw new IllegalStateException("cannot read the forced-inclusion log: " + e.getMessage(), e);
        }
    }

    /** Assignments of a past or current epoch, from the store. */
    public List<seqpool.api.pos.ProducerAssignment> assignments(long epoch) {
        return store.assignments(epoch);
    }

    /** Whether a signed body still applies to the committed state (checkTx, and the mempool's recheck). */
    static final class Relevance {
        private Relevance() {
        }

        static CheckTxResult check(PosState s, seqpool.api.common.Address signer, SignedBody body) {
            if (body instanceof SignedBody.RotateVote v) {
                var seg = s.currentSegment();
                if (v.epoch() != s.epoch() || seg.isEmpty() || seg.get().revision() != v.revision()
                        || !seg.get().producer().equals(v.stalled())) {
                    return CheckTxResult.rejected("rotation vote for a past producer assignment");
                }
                if (!s.epochSet().contains(signer)) {
                    return CheckTxResult.rejected(signer + " is not a member of epoch " + s.epoch());
                }
                return CheckTxResult.OK;
            }
            SignedBody.TaskReport r = (SignedBody.TaskReport) body;
            var t = s.task(r.taskId());
            if (t.isEmpty() || !s.isOpen(t.get()) || t.get().attempt() != r.attempt()) {
                return CheckTxResult.rejected("report for a closed task attempt " + r.taskId() + "#" + r.attempt());
            }
            if (!t.get().participants().contains(signer)) {
                return CheckTxResult.rejected(signer + " takes no part in " + r.taskId());
            }
            return CheckTxResult.OK;
        }
    }
}
