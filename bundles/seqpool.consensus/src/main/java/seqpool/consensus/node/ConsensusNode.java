package seqpool.consensus.node;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.Block;
import seqpool.api.consensus.CheckTxResult;
import seqpool.api.consensus.CommitCertificate;
import seqpool.api.consensus.CommittedBlock;
import seqpool.api.consensus.ConsensusApplication;
import seqpool.api.consensus.SignedVote;
import seqpool.api.consensus.SubmitOutcome;
import seqpool.api.consensus.SubmitResult;
import seqpool.api.consensus.ValidatorSet;
import seqpool.api.identity.NodeSigner;
import seqpool.api.store.KeyValueStore;
import seqpool.api.store.StoreException;
import seqpool.api.trace.TraceSink;
import seqpool.codec.wire.MalformedMessageException;
import seqpool.consensus.driver.Driver;
import seqpool.consensus.driver.DriverEffect;
import seqpool.consensus.driver.ReceivedProposal;
import seqpool.consensus.round.RoundStep;
import seqpool.consensus.wire.ConsensusMessage.BlockRequest;
import seqpool.consensus.wire.ConsensusMessage.BlockResponse;
import seqpool.consensus.wire.ConsensusMessage.EvidenceMsg;
import seqpool.consensus.wire.ConsensusMessage.ProposalMsg;
import seqpool.consensus.wire.ConsensusMessage.Status;
import seqpool.consensus.wire.ConsensusMessage.Txs;
import seqpool.consensus.wire.ConsensusMessage.VoteMsg;
import seqpool.consensus.wire.ConsensusMessage;
import seqpool.consensus.wire.MessageCodec;

/**
 * One validator's consensus engine without threads or clock: {@link #start()}, {@link #onMessage},
 * {@link #onTimer} and {@link #submit} each run to completion, make the store durable and return the actions for the
 * host (send, set timer, committed block). Messages are decoded and authenticated before they touch any state; the
 * accepted inputs of the current height are written ahead to the log, so a restarted node replays them through the
 * same deterministic driver. Not thread-safe: one thread (the host's event thread or the simulator) owns it.
 */
public final class ConsensusNode {
    static final int TX_GOSSIP_CHUNK = 1000;
    static final int TX_GOSSIP_BYTES = 1 << 20;
    private static final System.Logger LOG = System.getLogger(ConsensusNode.class.getName());

    final NodeConfig config;
    final Address self;
    final MessageCodec codec;
    final MessageChecks checks;
    final ConsensusStore store;
    final Signing signing;
    final ConsensusApplication app;
    final Mempool mempool;
    final EvidencePool evidence = new EvidencePool();
    final TraceSink trace;
    final String traceName;
    final Tracer tracer;
    private final ValidatorSet genesis;
    final CatchUp catchUp;
    final BlockCommitter committer;

    Driver driver;
    Hash32 lastBlockId = Hash32.ZERO;
    final Map<Long, ValidatorSet> recentSets = new HashMap<>();
    final List<ConsensusMessage> ownMessages = new ArrayList<>();
    private final List<Map.Entry<Address, Bytes>> futureMessages = new ArrayList<>();
    private final List<Bytes> txGossip = new ArrayList<>();
    private long txTargetsHeight = -1;
    private List<Address> txTargetsCache = List.of();
    List<NodeAction> actions = new ArrayList<>();
    final Deque<DriverEffect> effects = new ArrayDeque<>();
    boolean replaying;
    Integer pendingValueRound;

    public ConsensusNode(NodeConfig config, NodeSigner signer, SignatureVerifier verifier, KeyValueStore kv,
            ConsensusApplication app, ValidatorSet genesis, TraceSink trace, Map<Address, String> traceNames) throws StoreException {
        this.config = config;
        this.self = signer.address();
        this.codec = new MessageCodec(config.limits());
        this.checks = new MessageChecks(config.digests(), verifier);
        this.store = new ConsensusStore(kv, codec);
        this.signing = new Signing(signer, config.digests(), store, codec);
        this.app = app;
        this.mempool = new Mempool(config.mempoolMaxTxs());
        this.trace = trace;
        this.traceName = traceNames.getOrDefault(self, self.toHex());
        this.tracer = new Tracer(trace, traceName, traceNames);
        this.genesis = genesis;
        this.catchUp = new CatchUp(this);
        this.committer = new BlockCommitter(this);
    }

    public Address self() {
        return self;
    }

    public long height() {
        return driver.height();
    }

    public Driver driver() {
        return driver;
    }

    public ValidatorSet currentValidators() {
        return driver.schedule().validators();
    }

    public Optional<CommittedBlock> block(long height) throws StoreException {
        return store.block(height);
    }

    /** The highest committed height: from the driver once started, from the store before. */
    public long committedHeight() throws StoreException {
        return driver != null ? driver.height() - 1 : store.lastHeight();
    }

    /** Times the double-sign guard refused to sign a conflicting value (expected only after a crash). */
    public int signRefusals() {
        return signing.refusals();
    }

    /** Loads committed state, replays the write-ahead log of the current height and starts (or resumes) consensus. */
    public List<NodeAction> start() throws StoreException {
        committer.restore(genesis);
        tracer.validatorSet(driver.height(), currentValidators());
        List<Bytes> wal = store.walEntries(driver.height());
        replaying = true;
        effects.addAll(driver.start());
        drain();
        for (Bytes entry : wal) {
            WalEntry.replay(this, entry);
            drain();
        }
        replaying = false;
        if (pendingValueRound != null) {
            effects.add(new DriverEffect.RequestValue(driver.height(), pendingValueRound));
        }
        actions.add(new NodeAction.SetTimer(TimerKey.GOSSIP, config.gossipIntervalMs()));
        return finish();
    }

    public List<NodeAction> onMessage(Address from, Bytes payload) throws StoreException {
        ConsensusMessage m;
        try {
            m = codec.decode(payload);
        } catch (MalformedMessageException e) {
            actions.add(new NodeAction.Penalize(from, "malformed consensus message: " + e.getMessage()));
            return finish();
        }
        handle(from, m, payload, true);
        return finish();
    }

    public List<NodeAction> onTimer(TimerKey key) throws StoreException {
        if (key instanceof TimerKey.ProposeValue pv) {
            EffectRunner.buildValue(this, pv.height(), pv.round());
        } else if (key instanceof TimerKey.Timeout t) {
            if (t.height() == driver.height()) {
                store.appendWal(t.height(), WalEntry.timeout(t.step(), t.round()));
                effects.addAll(driver.onTimeout(t.step(), t.round()));
            }
        } else {
            catchUp.gossip();
            actions.add(new NodeAction.SetTimer(TimerKey.GOSSIP, config.gossipIntervalMs()));
        }
        return finish();
    }

    /** Offers a transaction (checkTx, then the mempool); accepted ones are forwarded with the next actions. */
    public SubmitResult submit(Bytes tx) {
        return offer(tx).result();
    }

    /** {@link #submit} with the reason of a refusal. */
    public SubmitOutcome offer(Bytes tx) {
        if (tx.size() > config.limits().maxTxBytes()) {
            return SubmitOutcome.rejected("transaction of " + tx.size() + " bytes exceeds the limit of "
                    + config.limits().maxTxBytes());
        }
        CheckTxResult checked = app.checkTx(tx);
        if (!checked.accepted()) {
            return SubmitOutcome.rejected("checkTx: " + checked.reason());
        }
        SubmitResult r = mempool.add(tx);
        if (r == SubmitResult.ACCEPTED) {
            txGossip.add(tx);
        }
        return r == SubmitResult.MEMPOOL_FULL ? new SubmitOutcome(r, "mempool full") : SubmitOutcome.of(r);
    }

    /** Actions accumulated outside an event (gossip of submitted transactions). */
    public List<NodeAction> flush() throws StoreException {
        return finish();
    }

    void handle(Address from, ConsensusMessage m, Bytes payload, boolean log) throws StoreException {
        if (m instanceof ProposalMsg p) {
            onProposal(from, p, payload, log);
        } else if (m instanceof VoteMsg v) {
            onVote(from, v.vote(), payload, log);
        } else if (m instanceof EvidenceMsg e) {
            catchUp.onEvidence(from, e.evidence());
        } else if (m instanceof Status s) {
            catchUp.onStatus(from, s.height());
        } else if (m instanceof BlockRequest r) {
            catchUp.onBlockRequest(from, r.height());
        } else if (m instanceof BlockResponse r) {
            catchUp.onBlockResponse(from, r.block());
        } else if (m instanceof Txs t) {
            for (Bytes tx : t.txs()) {
                if (tx.size() <= config.limits().maxTxBytes() && app.checkTx(tx).accepted()) {
                    mempool.add(tx);
                }
            }
        }
    }

    private boolean inWindow(Address from, long h, int round, Bytes payload) {
        if (h == driver.height() + 1 && futureMessages.size() < 10 * config.limits().maxValidators()) {
            futureMessages.add(Map.entry(from, payload));
            catchUp.noteAhead(from, h);
            return false;
        }
        if (h > driver.height() + 1) {
            catchUp.noteAhead(from, h);
        }
        return h == driver.height() && round <= Math.max(0, driver.state().round()) + config.roundWindow();
    }

    private void onProposal(Address from, ProposalMsg p, Bytes payload, boolean log) throws StoreException {
        var sp = p.proposal();
        if (!inWindow(from, sp.height(), sp.round(), payload)) {
            return;
        }
        for (ReceivedProposal known : driver.proposalsOf(sp.round())) {
            if (known.proposal().equals(sp)) {
                return; // a retransmitted copy of a proposal already checked and counted
            }
        }
        Hash32 id = MessageCodec.blockId(p.block());
        if (!id.equals(sp.blockId())) {
            actions.add(new NodeAction.Penalize(from, "proposal block id does not match its block, from " + sp.proposer()));
            return;
        }
        Optional<String> bad = checks.proposal(sp, driver.proposer(sp.round()));
        if (bad.isPresent()) {
            actions.add(new NodeAction.Penalize(from, bad.get()));
            return;
        }
        if (log) {
            store.appendWal(sp.height(), WalEntry.message(from, payload));
        }
        boolean valid = judge(p.block(), sp.round(), id);
        effects.addAll(driver.onProposal(new ReceivedProposal(sp, p.block(), id, valid)));
    }

    private void onVote(Address from, SignedVote sv, Bytes payload, boolean log) throws StoreException {
        if (!inWindow(from, sv.vote().height(), sv.vote().round(), payload)) {
            return;
        }
        if (driver.votes().contains(sv)) {
            return; // a relayed or retransmitted copy: already verified and counted
        }
        Optional<String> bad = checks.vote(sv, driver.schedule().validators());
        if (bad.isPresent()) {
            actions.add(new NodeAction.Penalize(from, bad.get()));
            return;
        }
        if (log) {
            store.appendWal(sv.vote().height(), WalEntry.message(from, payload));
        }
        effects.addAll(driver.onVote(sv));
    }

    /** Whether this node votes at the current height (a follower outside the validator set never signs). */
    boolean isValidator() {
        return currentValidators().powerOf(self) > 0;
    }

    /** How long the proposer of {@code round} waits before it builds its value (round 0 only). */
    long commitPauseLeft(int round) {
        return round == 0 ? config.commitPauseMs() : 0;
    }

    /** valid(v) of a proposal: structure and the application's verdict; a rejection is logged (not peer misbehaviour). */
    boolean judge(Block b, int round, Hash32 id) {
        Optional<String> bad = BlockValidity.proposal(this, b, round, id);
        if (bad.isPresent() && !replaying) {
            LOG.log(System.Logger.Level.INFO, "prevoting nil on block " + b.height() + "/" + round + " of " + b.proposer()
                    + ": " + bad.get());
        }
        return bad.isEmpty();
    }

    /**
     * Evidence offered by an operator or tool: kept and gossiped if both votes are authentic and conflicting, its
     * height's validator set is still known, and it is new.
     */
    public SubmitResult submitEvidence(seqpool.api.consensus.DuplicateVoteEvidence e) {
        ValidatorSet set = recentSets.get(e.height());
        if (set == null || checks.evidence(e, set).isPresent()) {
            return SubmitResult.REJECTED;
        }
        if (!evidence.add(e)) {
            return SubmitResult.DUPLICATE;
        }
        broadcast(new EvidenceMsg(e));
        return SubmitResult.ACCEPTED;
    }

    /** Runs queued driver effects until none is left. */
    void drain() throws StoreException {
        while (!effects.isEmpty()) {
            EffectRunner.run(this, effects.poll());
        }
    }

    /** Called by the committer after a height is committed: next driver, then buffered messages of the new height. */
    void startHeight(Driver next) throws StoreException {
        effects.clear();
        ownMessages.clear();
        signing.clearCache();
        pendingValueRound = null;
        driver = next;
        tracer.validatorSet(driver.height(), currentValidators());
        effects.addAll(driver.start());
        List<Map.Entry<Address, Bytes>> buffered = new ArrayList<>(futureMessages);
        futureMessages.clear();
        drain();
        for (Map.Entry<Address, Bytes> e : buffered) {
            try {
                handle(e.getKey(), codec.decode(e.getValue()), e.getValue(), true);
            } catch (MalformedMessageException ex) {
                throw new IllegalStateException("buffered message stopped decoding", ex);
            }
            drain();
        }
    }

    private List<NodeAction> finish() throws StoreException {
        drain();
        // forward submitted txs in chunks that respect the wire limits (count and ~1 MiB per message)
        List<Address> targets = txGossip.isEmpty() ? List.of() : txTargets();
        int from = 0;
        while (from < txGossip.size()) {
            int to = from;
            long bytes = 0;
            while (to < txGossip.size() && to - from < TX_GOSSIP_CHUNK && bytes + txGossip.get(to).size() + 4 <= TX_GOSSIP_BYTES) {
                bytes += txGossip.get(to).size() + 4;
                to++;
            }
            to = Math.max(to, from + 1);
            Bytes chunk = codec.encode(new Txs(List.copyOf(txGossip.subList(from, to))));
            if (config.txForwardProposers() == 0) {
                actions.add(new NodeAction.Broadcast(chunk));
            } else {
                for (Address a : targets) {
                    actions.add(new NodeAction.SendTo(a, chunk));
                }
            }
            from = to;
        }
        txGossip.clear();
        store.flush(); // write-ahead: inputs and signatures are durable before any action leaves
        List<NodeAction> out = actions;
        actions = new ArrayList<>();
        return out;
    }

    /**
     * The proposers of round 0 at the next heights, other than this node, up to the configured fan-out. Validator
     * updates not yet applied can make the guess wrong for a height; a transaction missed that way is still proposed
     * by this node in its own turn (it stays in the local mempool until committed).
     */
    private List<Address> txTargets() {
        if (txTargetsHeight != driver.height()) {
            LinkedHashSet<Address> out = new LinkedHashSet<>();
            int horizon = 2 * driver.schedule().validators().validators().size();
            for (Address a : driver.schedule().upcomingProposers(horizon)) {
                if (out.size() == config.txForwardProposers()) {
                    break;
                }
                if (!a.equals(self)) {
                    out.add(a);
                }
            }
            txTargetsHeight = driver.height();
            txTargetsCache = List.copyOf(out);
        }
        return txTargetsCache;
    }

    void broadcast(ConsensusMessage m) {
        actions.add(new NodeAction.Broadcast(codec.encode(m)));
    }

    void send(Address to, ConsensusMessage m) {
        actions.add(new NodeAction.SendTo(to, codec.encode(m)));
    }

    static System.Logger log() {
        return LOG;
    }

    /** For the catch-up path: builds the certificate record of a decision. */
    static CommittedBlock committed(Block b, Hash32 id, int round, List<SignedVote> precommits) {
        return new CommittedBlock(b, id, new CommitCertificate(b.height(), round, id, precommits));
    }

    LinkedHashMap<String, Object> fields() {
        return new LinkedHashMap<>();
    }

    RoundStep step() {
        return driver.state().step();
    }
}
