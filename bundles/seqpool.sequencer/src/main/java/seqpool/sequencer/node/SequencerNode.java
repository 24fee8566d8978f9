package seqpool.sequencer.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;
import seqpool.api.identity.EcdsaSignature;
import seqpool.api.pos.ProducerAssignment;
import seqpool.api.sequencer.L2Block;
import seqpool.api.store.StoreException;
import seqpool.sequencer.chain.AssignmentSource;
import seqpool.sequencer.chain.BlockValidator;
import seqpool.sequencer.chain.BlockVerdict;
import seqpool.sequencer.chain.BlockVerdict.Accept;
import seqpool.sequencer.chain.BlockVerdict.Equivocation;
import seqpool.sequencer.chain.BlockVerdict.Hold;
import seqpool.sequencer.chain.BlockVerdict.HoldReason;
import seqpool.sequencer.chain.BlockVerdict.Reject;
import seqpool.sequencer.chain.ForcedRule;
import seqpool.sequencer.chain.ForcedSource;
import seqpool.sequencer.chain.HeadRef;
import seqpool.sequencer.chain.UnsignedBlock;
import seqpool.sequencer.forced.ForcedSection;
import seqpool.sequencer.node.HeldBlocks.Held;
import seqpool.sequencer.node.SequencerEffect.Broadcast;
import seqpool.sequencer.node.SequencerEffect.EquivocationFound;
import seqpool.sequencer.node.SequencerEffect.HeadAdvanced;
import seqpool.sequencer.node.SequencerEffect.Penalize;
import seqpool.sequencer.node.SequencerEffect.ProductionFailed;
import seqpool.sequencer.node.SequencerEffect.Send;
import seqpool.sequencer.node.SequencerEffect.SignBlock;
import seqpool.sequencer.store.EquivocationRecord;
import seqpool.sequencer.store.L2BlockStore;
import seqpool.sequencer.wire.L2Message;
import seqpool.sequencer.wire.L2Message.BlockRequest;
import seqpool.sequencer.wire.L2Message.BlockResponse;
import seqpool.sequencer.wire.L2Message.NewBlock;
import seqpool.sequencer.wire.L2Message.Status;

/**
 * One node's L2 producer and follower (docs/sequencer.md). Producer: on each tick, if the committed assignment for
 * head + 1 names this node, it builds that block on its head and asks the host to sign it; the signed block passes the
 * same rules as a received one, is stored (block and head in one batch) and only then broadcast. So a number is
 * signed at most once: the head comes from the store, and a signature that never reached the store never left the
 * process. Follower: received blocks go through {@link BlockValidator}; gaps and blocks whose assignment is not
 * committed here yet are held (bounded) and retried when the head or the assignments move; a gap or a peer with a
 * higher head starts a bounded block request. Forced inclusion (docs/sequencer.md, "Forced inclusion"): the producer
 * starts each block with the committed forced messages its chain has not consumed (every due one, and a bounded
 * number of others) and makes no block its committed view cannot judge; a follower checks the block's forced cursor
 * ({@code chain.ForcedRule}) and re-executes the messages it skipped ({@code Execution.verifyForced}).
 *
 * <p>Not thread-safe: one thread (the host's sequencer thread) calls every method.
 */
public final class SequencerNode {
    private static final System.Logger LOG = System.getLogger(SequencerNode.class.getName());
    private final NodeSettings settings;
    private final Address self;
    private final L2BlockStore store;
    private final AssignmentSource assignments;
    private final ForcedSource forced;
    private final BlockValidator validator;
    private final HeldBlocks held;
    private final SyncTracker sync;
    private HeadRef head;
    private ProducerStatus status = ProducerStatus.IDLE;
    private UnsignedBlock signing;
    private Execution execution;

    private SequencerNode(NodeSettings settings, Address self, L2BlockStore store, AssignmentSource assignments,
            ForcedSource forced, HeadRef head) {
        this.settings = settings;
        this.self = self;
        this.store = store;
        this.assignments = assignments;
        this.forced = forced;
        this.validator = new BlockValidator(settings.chain(), settings.body());
        this.held = new HeldBlocks(settings.maxFutureBlocks());
        this.sync = new SyncTracker(settings.syncTimeoutMs());
        this.head = head;
    }

    /** Continues from the head in the store (the implicit genesis if it holds no block yet). */
    public static SequencerNode open(NodeSettings settings, Address self, L2BlockStore store,
            AssignmentSource assignments) throws StoreException {
        return open(settings, self, store, assignments, ForcedSource.DISABLED);
    }

    /** With this node's committed view of the forced-inclusion queue. */
    public static SequencerNode open(NodeSettings settings, Address self, L2BlockStore store,
            AssignmentSource assignments, ForcedSource forced) throws StoreException {
        Optional<L2Block> stored = store.head();
        if (stored.isPresent() && stored.get().number() < settings.chain().genesisL2Block()) {
            throw new StoreException("stored L2 head " + stored.get().number() + " is below genesisL2Block "
                    + settings.chain().genesisL2Block());
        }
        HeadRef head = stored.map(HeadRef::of).orElse(settings.chain().genesisHead());
        SequencerNode node = new SequencerNode(settings, self, store, assignments, forced, head);
        node.refreshStatus();
        return node;
    }

    /**
     * The same with execution: blocks carry transactions from the mempool, followers replay them, and the engine is
     * first brought to the stored head (a restarted anvil is rebuilt from the stored blocks).
     */
    public static SequencerNode open(NodeSettings settings, Address self, L2BlockStore store,
            AssignmentSource assignments, Execution execution) throws StoreException {
        return open(settings, self, store, assignments, ForcedSource.DISABLED, execution);
    }

    /** With execution and this node's committed view of the forced-inclusion queue. */
    public static SequencerNode open(NodeSettings settings, Address self, L2BlockStore store,
            AssignmentSource assignments, ForcedSource forced, Execution execution) throws StoreException {
        SequencerNode node = open(settings, self, store, assignments, forced);
        node.execution = execution;
        execution.align(store, node.head.number(), settings.chain().genesisL2Block());
        return node;
    }

    /** The node's execution, if it executes blocks. */
    public Optional<Execution> execution() {
        return Optional.ofNullable(execution);
    }

    public HeadRef head() {
        return head;
    }

    public ProducerStatus producerStatus() {
        return status;
    }

    public Address self() {
        return self;
    }

    /** Blocks held for later (gaps, assignments not committed yet). */
    public int heldBlocks() {
        return held.size();
    }

    /** The block-time tick: retries held blocks, then produces head + 1 if this node is assigned to it. */
    public List<SequencerEffect> onTick(long nowMillis) throws StoreException {
        List<SequencerEffect> out = new ArrayList<>();
        drainHeld(nowMillis, out);
        refreshStatus();
        if (status.producing() && signing == null) {
            produce(nowMillis, out);
        }
        return out;
    }

    /** The committed assignments changed: re-check held blocks and stop producing at once if no longer assigned. */
    public List<SequencerEffect> onAssignmentsChanged(long nowMillis) throws StoreException {
        List<SequencerEffect> out = new ArrayList<>();
        dropSuperseded();
        drainHeld(nowMillis, out);
        refreshStatus();
        return out;
    }

    /**
     * A rotation hands the rest of a range to another producer from the pool's rotation point on; blocks this node
     * holds above that point were made by the rotated-out producer after the pool stopped counting on it (unsafe:
     * no committed progress covers them). They are dropped, so the chain continues with the new producer's blocks
     * instead of forking. Only the top of the chain is examined (blocks whose committed assignment names another
     * producer or epoch).
     */
    private void dropSuperseded() throws StoreException {
        long lowest = -1;
        for (long n = head.number(); n >= settings.chain().genesisL2Block() && n > head.number() - 256; n--) {
            Optional<L2Block> b = store.block(n);
            Optional<seqpool.api.pos.ProducerAssignment> a = assignments.assignmentFor(n);
            if (b.isEmpty() || a.isEmpty() || (a.get().producer().equals(b.get().producer())
                    && a.get().epoch() == b.get().epoch())) {
                break;
            }
            lowest = n;
        }
        if (lowest < 0) {
            return;
        }
        Optional<L2Block> newHead = store.block(lowest - 1);
        LOG.log(System.Logger.Level.WARNING, "rotation: dropping unsafe L2 blocks " + lowest + ".." + head.number()
                + " of the rotated-out producer");
        store.truncateFrom(lowest, newHead);
        head = newHead.map(HeadRef::of).orElse(settings.chain().genesisHead());
        signing = null;
        if (execution != null) {
            execution.rewindTo(head.number());
        }
    }

    /**
     * Where transactions submitted here should go: the producer of the next block, and the producer of the block after
     * the current range once that is committed (near an epoch boundary); empty when this node is that producer.
     */
    public List<Address> forwardTargets() {
        List<Address> out = new ArrayList<>();
        long n = head.number() + 1;
        Optional<ProducerAssignment> a = assignments.assignmentFor(n);
        a.map(ProducerAssignment::producer).filter(p -> !p.equals(self)).ifPresent(out::add);
        if (a.isPresent() && a.get().lastL2Block() <= n + 2) {
            assignments.assignmentFor(a.get().lastL2Block() + 1).map(ProducerAssignment::producer)
                    .filter(p -> !p.equals(self) && !out.contains(p)).ifPresent(out::add);
        }
        return out;
    }

    /** The status tick: announce the head, and ask for blocks if a peer is ahead and no request is outstanding. */
    public List<SequencerEffect> onStatusTick(long nowMillis) {
        List<SequencerEffect> out = new ArrayList<>();
        out.add(new Broadcast(new Status(head.number(), head.hash())));
        sync.bestAbove(head.number()).ifPresent(best -> requestFrom(best.getKey(), best.getValue(), nowMillis, out));
        return out;
    }

    /** The host signed the block this node asked for in {@link SignBlock}. */
    public List<SequencerEffect> onSigned(UnsignedBlock block, EcdsaSignature signature, long nowMillis)
            throws StoreException {
        if (signing == null || !signing.equals(block)) {
            throw new IllegalStateException("block " + block.number() + " was not handed out for signing");
        }
        signing = null;
        List<SequencerEffect> out = new ArrayList<>();
        L2Block signed = block.signed(signature);
        BlockVerdict verdict = validate(signed, nowMillis);
        if (!(verdict instanceof Accept)) {
            if (execution != null) {
                execution.rewindTo(block.number() - 1);
            }
            out.add(new ProductionFailed(block.number(), verdict.toString()));
            return out;
        }
        append(signed, out);
        out.add(new Broadcast(new NewBlock(signed)));
        drainHeld(nowMillis, out);
        refreshStatus();
        return out;
    }

    /** The host could not sign the block it was asked to sign: nothing was signed, the next tick tries again. */
    public void onSigningFailed(UnsignedBlock block) {
        if (signing != null && signing.equals(block)) {
            signing = null;
            if (execution != null) {
                execution.rewindTo(block.number() - 1);
            }
        }
    }

    public List<SequencerEffect> onMessage(Address from, L2Message message, long nowMillis) throws StoreException {
        List<SequencerEffect> out = new ArrayList<>();
        if (message instanceof NewBlock m) {
            onBlocks(from, List.of(m.block()), nowMillis, out);
        } else if (message instanceof Status m) {
            sync.peerHead(from, m.headNumber());
            if (m.headNumber() > head.number()) {
                requestFrom(from, m.headNumber(), nowMillis, out);
            }
        } else if (message instanceof BlockRequest m) {
            serve(from, m, out);
        } else if (message instanceof L2Message.ForwardTxs m) {
            if (execution != null) {
                for (seqpool.api.common.Bytes tx : m.transactions()) {
                    execution.pool().submit(tx); // checked like a local submission; never forwarded again
                }
            }
        } else if (message instanceof BlockResponse m) {
            sync.answered(from);
            long before = head.number();
            onBlocks(from, m.blocks(), nowMillis, out);
            if (head.number() > before) {
                sync.bestAbove(head.number()).ifPresent(b -> requestFrom(b.getKey(), b.getValue(), nowMillis, out));
            } else {
                sync.forget(from);
            }
        }
        refreshStatus();
        return out;
    }

    private void produce(long nowMillis, List<SequencerEffect> out) throws StoreException {
        long n = head.number() + 1;
        Optional<ProducerAssignment> a = assignments.assignmentFor(n);
        if (a.isEmpty() || !a.get().producer().equals(self) || !a.get().covers(n)) {
            return;
        }
        if (store.block(n).isPresent()) {
            out.add(new ProductionFailed(n, "the store already holds block " + n + " above head " + head.number()));
            return;
        }
        long timestamp = Math.max(nowMillis, head.timestampMillis() + 1);
        if (timestamp > nowMillis + settings.chain().maxClockDriftMs()) {
            return; // the parent lies further ahead than followers accept: wait for this node's clock to catch up
        }
        Optional<ForcedSection> section = forcedSection(n);
        if (section.isEmpty()) {
            return; // the committed view cannot judge block n yet: followers would hold it; wait for the pool
        }
        List<seqpool.api.common.Bytes> txs = List.of();
        Hash32 root = Hash32.ZERO;
        if (execution != null) {
            Optional<seqpool.api.sequencer.BlockExecution> x = execution.produce(n, timestamp,
                    section.get().transactions());
            if (x.isEmpty()) {
                return;
            }
            txs = x.get().included();
            root = x.get().stateRoot();
        }
        signing = UnsignedBlock.build(settings.chain().chainId(), n, head.hash(), a.get().epoch(), self, timestamp,
                txs, root, section.get().cursor());
        out.add(new SignBlock(signing));
    }

    /**
     * The forced section of the producer's next block {@code n}: every committed message its chain has not consumed
     * that is due by {@code n}, then a bounded number of others; an empty section in a pool without forced inclusion.
     * Empty when the committed view cannot judge block {@code n} (the pool's committed L2 head is N or more blocks
     * behind) or cannot be read.
     */
    private Optional<ForcedSection> forcedSection(long n) {
        Optional<seqpool.api.pos.ForcedQueue> view = forced.queue(head.forcedCursor());
        if (view.isEmpty() || !ForcedRule.viewCovers(view.get(), n)) {
            return Optional.empty();
        }
        if (!view.get().enabled()) {
            return Optional.of(ForcedSection.empty(head.forcedCursor()));
        }
        return ForcedSection.choose(forced, head.forcedCursor(), n);
    }

    /** Handles blocks from one message in order; the first invalid one is blamed on the sender and ends the message. */
    private void onBlocks(Address from, List<L2Block> blocks, long nowMillis, List<SequencerEffect> out)
            throws StoreException {
        for (L2Block b : blocks) {
            BlockVerdict v = validate(b, nowMillis);
            if (v instanceof Reject r) {
                out.add(new Penalize(from, r.fault(), r.detail()));
                break;
            }
            if (!apply(b, from, v, nowMillis, out)) {
                break;
            }
        }
        drainHeld(nowMillis, out);
    }

    /**
     * A forced message the block consumed without executing it must not be executable at its turn: re-executed here
     * (by {@link Execution#verifyForced}) before the block is replayed. Hold when the consumed messages cannot be read
     * from the committed view now.
     */
    private Optional<BlockVerdict> forcedExecution(L2Block b) {
        if (execution == null || b.forcedCursor() == head.forcedCursor()) {
            return Optional.empty();
        }
        Optional<ForcedSection> section = ForcedSection.consumed(forced, head.forcedCursor(), b.forcedCursor());
        if (section.isEmpty()) {
            return Optional.of(new Hold(HoldReason.FORCED_VIEW));
        }
        return execution.verifyForced(b, section.get())
                .map(why -> new Reject(seqpool.sequencer.chain.Fault.FORCED_SKIP_UNJUSTIFIED, why));
    }

    /** Carries out a verdict; false if the block turned out invalid (the sender was penalised). */
    private boolean apply(L2Block b, Address from, BlockVerdict v, long nowMillis, List<SequencerEffect> out)
            throws StoreException {
        if (v instanceof Accept) {
            Optional<BlockVerdict> problem = forcedExecution(b);
            if (problem.isPresent()) {
                return apply(b, from, problem.get(), nowMillis, out);
            }
            append(b, out);
        } else if (v instanceof Hold h) {
            held.add(b, from);
            if (h.reason() == HoldReason.GAP) {
                requestFrom(from, b.number() - 1, nowMillis, out);
            }
        } else if (v instanceof Equivocation e) {
            EquivocationRecord record = new EquivocationRecord(e.stored(), e.conflicting());
            if (store.recordEquivocation(record)) {
                out.add(new EquivocationFound(record, from));
            }
        } else if (v instanceof Reject r) {
            out.add(new Penalize(from, r.fault(), r.detail()));
            return false;
        }
        // Ignore: nothing to do
        return true;
    }

    /** Re-examines held blocks at or below head + 1 until none of them moves the head. */
    private void drainHeld(long nowMillis, List<SequencerEffect> out) throws StoreException {
        while (true) {
            for (Held h : held.takeUpTo(head.number())) {
                apply(h.block(), h.from(), validate(h.block(), nowMillis), nowMillis, out);
            }
            List<Held> next = held.takeAt(head.number() + 1);
            if (next.isEmpty()) {
                return;
            }
            long before = head.number();
            for (Held h : next) {
                BlockVerdict v = validate(h.block(), nowMillis);
                if (v instanceof Hold || h.block().number() <= head.number()) {
                    held.add(h.block(), h.from()); // still waiting, or examined again against the new head
                } else {
                    apply(h.block(), h.from(), v, nowMillis, out);
                }
            }
            if (head.number() == before) {
                return;
            }
        }
    }

    private BlockVerdict validate(L2Block b, long nowMillis) throws StoreException {
        Optional<L2Block> stored = b.number() <= head.number() ? store.block(b.number()) : Optional.empty();
        return validator.validate(b, head, stored, assignments, forced, nowMillis);
    }

    private void append(L2Block b, List<SequencerEffect> out) throws StoreException {
        if (execution != null && !execution.apply(b)) {
            return; // halted: the block does not execute to its root here; stored nothing
        }
        store.append(b);
        head = HeadRef.of(b);
        if (execution != null) {
            execution.committed(b);
        }
        out.add(new HeadAdvanced(b));
    }

    private void requestFrom(Address peer, long upTo, long nowMillis, List<SequencerEffect> out) {
        long from = head.number() + 1;
        if (upTo < from || sync.busy(nowMillis) || held.holds(from)) {
            return;
        }
        long to = Math.min(upTo, from + settings.syncBatch() - 1);
        out.add(new Send(peer, sync.start(peer, from, to, nowMillis)));
    }

    private void serve(Address peer, BlockRequest r, List<SequencerEffect> out) throws StoreException {
        int maxBytes = settings.limits().maxMessageBytes() - 16;
        int maxCount = Math.min(settings.limits().maxBlocksPerMessage(), (int) Math.min(Integer.MAX_VALUE, r.count()));
        List<L2Block> blocks = r.from() > head.number() ? List.of()
                : store.range(r.from(), Math.min(r.to(), head.number()), maxCount, maxBytes);
        out.add(new Send(peer, new BlockResponse(blocks)));
    }

    private void refreshStatus() {
        if (execution != null && execution.halted().isPresent()) {
            status = ProducerStatus.IDLE;
            return;
        }
        long n = head.number() + 1;
        Optional<ProducerAssignment> a = assignments.assignmentFor(n);
        status = a.isPresent() && a.get().producer().equals(self) && a.get().covers(n)
                ? new ProducerStatus(true, a.get().lastL2Block())
                : ProducerStatus.IDLE;
    }
}
