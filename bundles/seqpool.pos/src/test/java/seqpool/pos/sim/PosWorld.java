package seqpool.pos.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import seqpool.api.bridge.L1Event;
import seqpool.api.common.Bytes;
import seqpool.api.consensus.CommittedBlock;
import seqpool.api.consensus.SubmitResult;
import seqpool.api.consensus.ValidatorSet;
import seqpool.api.identity.NodeSigner;
import seqpool.api.pos.MemberStatus;
import seqpool.api.trace.TraceSink;
import seqpool.codec.eip712.Eip712Domain;
import seqpool.consensus.node.NodeConfig;
import seqpool.consensus.node.SignatureVerifier;
import seqpool.consensus.sim.Fault;
import seqpool.consensus.sim.SimNode;
import seqpool.consensus.sim.SimWorld;
import seqpool.consensus.sim.Simulation;
import seqpool.consensus.wire.SigningDigests;
import seqpool.pos.tx.MalformedTxException;
import seqpool.pos.tx.PosTx;
import seqpool.pos.tx.PosTxCodec;

/**
 * The PoS application in the consensus simulator: real secp256k1 keys (the engines verify with
 * {@link SignatureVerifier#SECP256K1}), a {@link PosNode} per node, scripted L1 views ({@link L1Script}), simulated L2
 * producers, duties and the pool's L1 actions, the scenario's {@link Scripts}, and the PoS checks. Validity of a
 * committed transaction: an L1 event that is canonical, or that nodes with more than 2/3 of the power confirmed (the
 * side-transaction rule); L2 progress that a producer really made; a signed vote or report some node's duty made.
 */
final class PosWorld implements SimWorld<PosNode> {
    static final long TICK_MS = 50;
    static final long L2_BLOCK_MS = 100;
    static final long STALL_TIMEOUT_MS = 500;
    final PosScenario scenario;
    final SimPool pool;
    final L2Producers producers = new L2Producers(L2_BLOCK_MS);
    private final TraceSink trace;
    private final Duties duties = new Duties(STALL_TIMEOUT_MS, this::submit);
    private final Set<Bytes> signedTxs = new HashSet<>();
    private Simulation<PosNode> sim;
    L1Script l1;
    PosChecks checks;
    Scripts scripts;
    private PoolActions actions;
    private boolean brokenSideTransactionCheck;

    PosWorld(long seed, PosScenario scenario, TraceSink trace) {
        this.scenario = scenario;
        this.trace = trace;
        this.pool = new SimPool(seed, scenario.sim().n(), scenario.genesisMembers(), scenario.epochLength(),
                scenario.jailAfterFaults());
    }

    @Override
    public NodeSigner signer(int index) {
        return pool.keys.get(index);
    }

    @Override
    public SignatureVerifier verifier() {
        return SignatureVerifier.SECP256K1;
    }

    /** Heights paced by a commit pause, so that a run spends its CPU on a realistic number of blocks. */
    @Override
    public NodeConfig nodeConfig() {
        SigningDigests digests = new SigningDigests(Eip712Domain.seqpool(pool.params.l1ChainId(),
                pool.params.lockingPool()));
        return NodeConfig.defaults(digests).withTimeouts(400, 200, 200, 100).withGossipInterval(150)
                .withCommitPause(150);
    }

    @Override
    public ValidatorSet genesis() {
        return pool.validators();
    }

    @Override
    public PosNode newApp(int index, String name) {
        PosNode n = new PosNode(index, name, pool, trace);
        n.skipsSideTransactionCheck = brokenSideTransactionCheck;
        return n;
    }

    /** Every node prevotes for L1 events it never saw: a broken application the validity check must catch. */
    PosWorld breakSideTransactionCheck() {
        brokenSideTransactionCheck = true;
        return this;
    }

    @Override
    public long tickMs() {
        return TICK_MS;
    }

    @Override
    public void booting(Simulation<PosNode> s, SimNode<PosNode> n) {
        if (sim == null) {
            attach(s);
        }
        n.app.open(tx -> submit(n, tx));
        duties.booted(s, n);
        producers.booted(n.index);
    }

    private void attach(Simulation<PosNode> s) {
        sim = s;
        l1 = new L1Script(s);
        checks = new PosChecks(s, pool.params.firstL2Block(), pool.params.epochLength());
        actions = new PoolActions(l1);
        scripts = new Scripts(scenario, s, pool, l1, producers);
        scripts.start();
    }

    @Override
    public void tick(Simulation<PosNode> s) {
        producers.tick(s);
        duties.tick(s);
    }

    @Override
    public void committed(Simulation<PosNode> s, SimNode<PosNode> n, CommittedBlock block) {
        n.app.chain.recheck();
        if (!n.honest()) {
            if (n.fault != Fault.SILENT && n.fault != Fault.TWINS) {
                duties.sabotage(s, n);
            }
            return;
        }
        checks.committed(n);
        duties.committed(s, n);
        actions.committed(s, n);
        scripts.committed(n);
    }

    /** What a node's duty or service submits: remembered as made by an honest party, then offered to its engine. */
    private SubmitResult submit(SimNode<PosNode> n, Bytes tx) {
        signedTxs.add(tx);
        return sim.submit(n, tx);
    }

    @Override
    public Optional<String> invalidTx(SimNode<PosNode> n, Bytes raw) {
        PosTx tx;
        try {
            tx = PosTxCodec.decode(raw);
        } catch (MalformedTxException e) {
            return Optional.of("a malformed PoS transaction (" + e.getMessage() + ")");
        }
        if (tx instanceof PosTx.L1EventTx e) {
            return l1Event(n, e.event());
        }
        if (tx instanceof PosTx.L2ProgressTx p) {
            return producers.made.contains(p.header().hash(pool.params.l2ChainId())) ? Optional.empty()
                    : Optional.of("L2 progress to block " + p.header().number() + " that no producer made");
        }
        return signedTxs.contains(raw) ? Optional.empty() : Optional.of("a signed PoS transaction no node made");
    }

    /** The side-transaction rule: canonical, or confirmed by more than 2/3 of the power (Byzantine power counted). */
    private Optional<String> l1Event(SimNode<PosNode> n, L1Event e) {
        if (l1.isCanonical(e)) {
            return Optional.empty();
        }
        if (!l1.isOrphan(e)) {
            return Optional.of("an L1 event that never was on L1: " + e.kind() + " at " + e.l1Block());
        }
        ValidatorSet vs = n.engine().currentValidators();
        long held = 0;
        for (SimNode<PosNode> m : sim.nodes()) {
            if (l1.heldBy(e).contains(m.index) || !m.honest()) {
                held += vs.powerOf(m.address);
            }
        }
        if (3 * held > 2 * vs.totalPower()) {
            return Optional.empty();
        }
        return Optional.of("a reorganised L1 event " + e.kind() + " at block " + e.l1Block() + " that only nodes "
                + l1.heldBy(e) + " confirmed (" + held + " of " + vs.totalPower() + " power)");
    }

    /** The equivocating proposer's other block: without its last transaction, or with a malformed one if empty. */
    @Override
    public List<Bytes> alternativeTxs(List<Bytes> txs, long height, int round) {
        if (txs.isEmpty()) {
            return List.of(Bytes.utf8("tbyz-" + height + "-" + round));
        }
        return new ArrayList<>(txs.subList(0, txs.size() - 1));
    }

    @Override
    public List<String> finalChecks(Simulation<PosNode> s) {
        return scripts.finalChecks(checks);
    }

    /** What the run exercised: final epoch, rotations, jailed members, refused L1 events, orphans (at the end). */
    String stats() {
        long epoch = 0;
        long jailed = 0;
        long refused = 0;
        for (SimNode<PosNode> n : sim.nodes()) {
            refused += n.app.l1Rejections;
            if (n.honest()) {
                var st = n.app.service().status();
                epoch = Math.max(epoch, st.epoch());
                jailed = Math.max(jailed, st.members().stream()
                        .filter(m -> m.status() == MemberStatus.JAILED).count());
            }
        }
        return "epoch " + epoch + ", rotations " + checks.rotations() + ", jailed " + jailed + ", L1 refusals "
                + refused + ", orphans " + l1.orphanCount();
    }
}
