package seqpool.pos.sim;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.CheckTxResult;
import seqpool.api.consensus.ConsensusApplication;
import seqpool.api.consensus.FinalizeBlockRequest;
import seqpool.api.consensus.FinalizeBlockResult;
import seqpool.api.consensus.PrepareProposalRequest;
import seqpool.api.consensus.ProcessProposalRequest;
import seqpool.api.consensus.ProposalVerdict;
import seqpool.api.consensus.SubmitResult;
import seqpool.api.consensus.ValidatorSet;
import seqpool.api.store.StoreException;
import seqpool.api.trace.TraceSink;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.pos.app.PosApplication;
import seqpool.pos.app.PosEvents;
import seqpool.pos.app.PosServiceImpl;
import seqpool.pos.testing.FakeBridge;
import seqpool.pos.tx.SignedTxFactory;
import seqpool.store.memory.InMemoryKeyValueStore;

/**
 * One simulated PoS node as its engine sees it: the {@link PosApplication} over the node's own store, reopened from
 * that store at every boot (what a restarted process does), its own L1 view (a scripted bridge) and L2 chain, and its
 * {@link PosServiceImpl} (duties read and vote through it). The stores, the bridge and the chain survive crashes; the
 * application object and the service do not. Records the app hash of every height it committed.
 */
public final class PosNode implements ConsensusApplication {
    final int index;
    final String name;
    final LocalNodeSigner key;
    final FakeBridge bridge = new FakeBridge();
    final SimL2Chain chain = new SimL2Chain(this);
    final SignedTxFactory txs;
    private final SimPool pool;
    private final TraceSink trace;
    private final InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
    private final TreeMap<Long, Hash32> appHashes = new TreeMap<>();
    private final TreeMap<Long, Hash32> finalized = new TreeMap<>();
    private PosApplication app;
    private PosServiceImpl service;
    /** Proposals this node refused because of their L1 events (side-transaction votes against), for the statistics. */
    int l1Rejections;
    /** A deliberately broken node that prevotes for L1 events it never saw (to show the validity check can fail). */
    boolean skipsSideTransactionCheck;

    PosNode(int index, String name, SimPool pool, TraceSink trace) {
        this.index = index;
        this.name = name;
        this.key = pool.keys.get(index);
        this.pool = pool;
        this.trace = trace;
        this.txs = new SignedTxFactory(key, pool.params.l1ChainId(), pool.params.lockingPool());
    }

    /** (Re)opens the application from the store; {@code submit} offers a transaction to this node's running engine. */
    void open(Function<Bytes, SubmitResult> submit) {
        PosEvents events = new PosEvents(trace, name);
        try {
            app = new PosApplication(pool.params, kv, pool.genesis, bridge, () -> Optional.of(chain), events);
        } catch (StoreException e) {
            throw new IllegalStateException(name + " cannot reopen its PoS store", e);
        }
        SimEngine engine = new SimEngine(submit);
        service = new PosServiceImpl(app, events, txs, () -> Optional.of(engine), () -> Optional.of(chain));
        finalized.clear();
    }

    PosServiceImpl service() {
        return service;
    }

    /** The app hash this node computed for a committed height, if it committed it. */
    Optional<Hash32> appHash(long height) {
        return Optional.ofNullable(appHashes.get(height));
    }

    SimPool pool() {
        return pool;
    }

    @Override
    public ValidatorSet genesisValidators() {
        return app.genesisValidators();
    }

    @Override
    public CheckTxResult checkTx(Bytes tx) {
        return app.checkTx(tx);
    }

    @Override
    public List<Bytes> prepareProposal(PrepareProposalRequest request) {
        return app.prepareProposal(request);
    }

    @Override
    public ProposalVerdict processProposal(ProcessProposalRequest request) {
        ProposalVerdict v = app.processProposal(request);
        if (!v.accepted() && v.reason().startsWith("L1 event")) {
            l1Rejections++;
            if (skipsSideTransactionCheck) {
                return ProposalVerdict.ACCEPT;
            }
        }
        return v;
    }

    @Override
    public FinalizeBlockResult finalizeBlock(FinalizeBlockRequest request) {
        FinalizeBlockResult r = app.finalizeBlock(request);
        finalized.put(request.height(), r.appHash());
        return r;
    }

    @Override
    public void commit(long height) {
        app.commit(height);
        appHashes.put(height, finalized.remove(height));
    }

    @Override
    public long lastCommittedHeight() {
        return app.lastCommittedHeight();
    }
}
