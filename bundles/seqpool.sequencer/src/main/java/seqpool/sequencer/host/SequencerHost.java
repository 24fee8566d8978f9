package seqpool.sequencer.host;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import seqpool.api.identity.EcdsaSignature;
import seqpool.api.identity.NodeSigner;
import seqpool.api.p2p.Channel;
import seqpool.api.p2p.InboundMessage;
import seqpool.api.p2p.P2pNetwork;
import seqpool.api.p2p.Subscription;
import seqpool.api.pos.PosListener;
import seqpool.api.pos.PosService;
import seqpool.api.pos.ProducerAssignment;
import seqpool.api.sequencer.BlockProducer;
import seqpool.api.sequencer.L2Block;
import seqpool.api.sequencer.L2Chain;
import seqpool.api.store.KeyValueStore;
import seqpool.api.store.StoreException;
import seqpool.codec.wire.MalformedMessageException;
import seqpool.sequencer.chain.AssignmentSource;
import seqpool.sequencer.chain.Fault;
import seqpool.sequencer.node.NodeSettings;
import seqpool.sequencer.node.ProducerStatus;
import seqpool.sequencer.node.SequencerEffect;
import seqpool.sequencer.node.SequencerNode;
import seqpool.sequencer.store.L2BlockStore;
import seqpool.sequencer.wire.L2Codec;
import seqpool.sequencer.wire.L2Message;

/**
 * Runs one {@link SequencerNode} on the thread {@code seqpool-sequencer}: the block-time tick, the status tick, inbound
 * l2 messages and changes of the committed assignments all become steps on that thread. p2p listeners decode (strictly,
 * bounded) and enqueue; a message that does not decode costs its sender {@link Fault#MALFORMED} points and never
 * throws out of the listener. A store failure stops the sequencer (logged with the cause) rather than continue on
 * unknown state; any other failure of one step is logged and the next step runs.
 *
 * <p>Thread-safety: the {@link L2Chain} and {@link BlockProducer} methods may be called from any thread; subscribers
 * are called on the sequencer thread.
 */
public final class SequencerHost implements L2Chain, BlockProducer, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SequencerHost.class.getName());

    private final HostSettings settings;
    private final P2pNetwork network;
    private final NodeSigner signer;
    private final PosService pos;
    private final LongSupplier clock;
    private final L2Codec codec;
    private final L2BlockStore store;
    private final SequencerNode node;
    private final ScheduledThreadPoolExecutor events;
    private final List<Consumer<L2Block>> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile long headNumber;
    private volatile ProducerStatus producerStatus;
    private volatile int heldBlocks;
    private volatile Thread eventThread;
    private Subscription subscription;
    private AutoCloseable posSubscription;

    private final seqpool.sequencer.node.Execution execution;
    private final SequencerMetrics metrics;
    private final java.util.concurrent.ConcurrentLinkedQueue<seqpool.api.common.Bytes> toForward =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    public SequencerHost(HostSettings settings, P2pNetwork network, KeyValueStore kv, NodeSigner signer,
            PosService pos, LongSupplier clock) throws StoreException {
        this(settings, network, kv, signer, pos, clock, null);
    }

    /** With execution ({@code null}: empty blocks, as before execution existed). */
    public SequencerHost(HostSettings settings, P2pNetwork network, KeyValueStore kv, NodeSigner signer,
            PosService pos, LongSupplier clock, seqpool.sequencer.node.Execution execution) throws StoreException {
        NodeSettings ns = settings.node();
        NodeSettings capped = new NodeSettings(ns.chain(), ns.body(), ns.maxFutureBlocks(), ns.syncBatch(),
                ns.syncTimeoutMs(), ns.limits().capMessageBytes(network.maxPayloadBytes()));
        this.settings = settings;
        this.network = network;
        this.signer = signer;
        this.pos = pos;
        this.clock = clock;
        this.codec = new L2Codec(capped.limits());
        this.store = L2BlockStore.open(kv);
        this.execution = execution;
        seqpool.sequencer.chain.ForcedSource forced = seqpool.sequencer.chain.ForcedSource.of(pos);
        this.node = execution == null ? SequencerNode.open(capped, signer.address(), store, assignments(pos), forced)
                : SequencerNode.open(capped, signer.address(), store, assignments(pos), forced, execution);
        this.headNumber = node.head().number();
        this.producerStatus = node.producerStatus();
        this.metrics = new SequencerMetrics(signer.address(),
                () -> execution == null ? 0 : execution.pool().size(), this::isProducing, () -> heldBlocks);
        if (!network.self().equals(signer.address())) {
            LOG.log(Level.WARNING, "the p2p identity " + network.self() + " is not the signer " + signer.address()
                    + ": peers will not recognise this node's blocks as its own");
        }
        this.events = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "seqpool-sequencer");
            t.setDaemon(true);
            eventThread = t;
            return t;
        });
        events.setRemoveOnCancelPolicy(true);
    }

    /** Subscribes to the l2 channel and the PoS service and starts the ticks. */
    public void start() {
        subscription = network.subscribe(Channel.L2, this::onInbound);
        posSubscription = pos.subscribe(new PosListener() {
            @Override
            public void onAssignment(ProducerAssignment assignment) {
                if (refreshQueued.compareAndSet(false, true)) {
                    enqueue(now -> {
                        refreshQueued.set(false);
                        if (execution != null) { // a new producer: what waits here goes to it too
                            execution.pool().all().stream().limit(2_000).forEach(toForward::add);
                        }
                        return node.onAssignmentsChanged(now);
                    });
                }
            }
        });
        long block = settings.blockTimeMs();
        events.scheduleAtFixedRate(() -> execute(node::onTick), block, block, TimeUnit.MILLISECONDS);
        events.scheduleAtFixedRate(() -> execute(node::onStatusTick), 0, settings.statusIntervalMs(),
                TimeUnit.MILLISECONDS);
        if (execution != null) {
            events.scheduleWithFixedDelay(() -> execute(now -> forward()), FORWARD_MS, FORWARD_MS,
                    TimeUnit.MILLISECONDS);
        }
        LOG.log(Level.INFO, "sequencer started: self=" + signer.address() + " head=" + headNumber + " blockTimeMs="
                + block);
    }

    @Override
    public void close() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        if (subscription != null) {
            subscription.close();
        }
        if (posSubscription != null) {
            try {
                posSubscription.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "closing the PoS subscription failed: " + e);
            }
        }
        events.shutdownNow();
        try {
            if (Thread.currentThread() != eventThread && !events.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "the sequencer thread did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static final long FORWARD_MS = 20;
    static final int FORWARD_CHUNK = 500;

    /**
     * A transaction from a client (JSON-RPC): checked into this node's mempool, then forwarded to the producer (in
     * batches every {@value #FORWARD_MS} ms). The client gets the hash at once.
     */
    public seqpool.api.sequencer.SubmitResult submit(seqpool.api.common.Bytes raw) {
        if (execution == null) {
            return new seqpool.api.sequencer.SubmitResult.Rejected("this node executes no L2 transactions");
        }
        seqpool.api.sequencer.SubmitResult r = execution.pool().submit(raw);
        boolean ok = r instanceof seqpool.api.sequencer.SubmitResult.Accepted;
        if (ok) {
            toForward.add(raw);
        }
        metrics.submitted(ok);
        return r;
    }

    /** The sequencer's metrics (a {@code MetricSource} the component registers). */
    public seqpool.api.metrics.MetricSource metrics() {
        return metrics;
    }

    public java.util.Optional<seqpool.sequencer.node.Execution> execution() {
        return java.util.Optional.ofNullable(execution);
    }

    /** Sends what clients submitted here to the producer(s) that will include it. Sequencer thread. */
    private List<SequencerEffect> forward() {
        if (toForward.isEmpty()) {
            return List.of();
        }
        List<seqpool.api.common.Bytes> batch = new java.util.ArrayList<>();
        seqpool.api.common.Bytes tx;
        List<SequencerEffect> out = new java.util.ArrayList<>();
        List<seqpool.api.common.Address> targets = node.forwardTargets();
        while ((tx = toForward.poll()) != null) {
            batch.add(tx);
            if (batch.size() == FORWARD_CHUNK) {
                send(targets, batch, out);
                batch = new java.util.ArrayList<>();
            }
        }
        send(targets, batch, out);
        return out;
    }

    private static void send(List<seqpool.api.common.Address> targets, List<seqpool.api.common.Bytes> batch,
            List<SequencerEffect> out) {
        if (batch.isEmpty()) {
            return;
        }
        for (seqpool.api.common.Address t : targets) {
            out.add(new SequencerEffect.Send(t, new seqpool.sequencer.wire.L2Message.ForwardTxs(batch)));
        }
    }

    @Override
    public long headNumber() {
        return headNumber;
    }

    @Override
    public Optional<L2Block> block(long number) {
        try {
            return store.block(number);
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "cannot read L2 block " + number + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public List<seqpool.api.sequencer.L2Equivocation> equivocations() {
        try {
            return store.equivocations().stream()
                    .map(r -> new seqpool.api.sequencer.L2Equivocation(r.kept(), r.conflicting())).toList();
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "cannot read equivocation evidence: " + e.getMessage());
            return List.of();
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<L2Block> listener) {
        subscribers.add(listener);
        return () -> subscribers.remove(listener);
    }

    @Override
    public boolean isProducing() {
        return !stopped.get() && producerStatus.producing();
    }

    @Override
    public long producingUntil() {
        return isProducing() ? producerStatus.producingUntil() : -1;
    }

    /** Whether the sequencer thread is running (false after close or a store failure). */
    public boolean running() {
        return !stopped.get();
    }

    /** Blocks held for later (gaps, assignments not committed here yet), as of the last step. */
    public int heldBlocks() {
        return heldBlocks;
    }

    private void onInbound(InboundMessage m) {
        try {
            L2Message message = codec.decode(m.payload());
            if (queued.incrementAndGet() > settings.maxQueuedMessages()) {
                queued.decrementAndGet();
                LOG.log(Level.DEBUG, "l2 queue full: dropped a message from " + m.from());
                return;
            }
            enqueue(now -> {
                queued.decrementAndGet();
                return node.onMessage(m.from(), message, now);
            });
        } catch (MalformedMessageException e) {
            LOG.log(Level.INFO, "malformed l2 message from " + m.from() + ": " + e.getMessage());
            network.penalize(m.from(), Fault.MALFORMED.points(), "l2 " + Fault.MALFORMED + ": " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "l2 message from " + m.from() + " could not be handled", e);
        }
    }

    @FunctionalInterface
    private interface Step {
        List<SequencerEffect> run(long nowMillis) throws StoreException;
    }

    private void enqueue(Step step) {
        if (stopped.get()) {
            return;
        }
        try {
            events.execute(() -> execute(step));
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void execute(Step step) {
        if (stopped.get()) {
            return;
        }
        try {
            perform(step.run(clock.getAsLong()));
        } catch (StoreException e) {
            LOG.log(Level.ERROR, "sequencer stopped: the store failed: " + e.getMessage(), e);
            stopped.set(true);
            events.shutdown();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "sequencer step failed", e);
        } finally {
            producerStatus = node.producerStatus();
            heldBlocks = node.heldBlocks();
        }
    }

    private void perform(List<SequencerEffect> effects) throws StoreException {
        for (SequencerEffect e : effects) {
            if (e instanceof SequencerEffect.SignBlock s) {
                EcdsaSignature signature;
                try {
                    signature = signer.sign(s.block().hash());
                } catch (RuntimeException ex) {
                    node.onSigningFailed(s.block());
                    LOG.log(Level.ERROR, "signing L2 block " + s.block().number() + " failed", ex);
                    continue;
                }
                perform(node.onSigned(s.block(), signature, clock.getAsLong()));
            } else if (e instanceof SequencerEffect.Broadcast b) {
                network.broadcast(Channel.L2, codec.encode(b.message()));
            } else if (e instanceof SequencerEffect.Send s) {
                network.send(s.peer(), Channel.L2, codec.encode(s.message()));
            } else if (e instanceof SequencerEffect.Penalize p) {
                LOG.log(Level.INFO, "rejected l2 input from " + p.peer() + ": " + p.fault() + ": " + p.detail());
                metrics.rejected(p.fault());
                network.penalize(p.peer(), p.fault().points(), "l2 " + p.fault() + ": " + p.detail());
            } else if (e instanceof SequencerEffect.HeadAdvanced h) {
                headNumber = h.block().number();
                metrics.headAdvanced(h.block(), clock.getAsLong());
                notifySubscribers(h.block());
            } else if (e instanceof SequencerEffect.EquivocationFound q) {
                metrics.equivocation();
                LOG.log(Level.WARNING, "EQUIVOCATION: producer " + q.record().kept().producer() + " signed block "
                        + q.record().kept().number() + " twice: kept " + q.record().kept().hash() + ", conflicting "
                        + q.record().conflicting().hash() + " (relayed by " + q.reportedBy() + "); evidence stored");
            } else if (e instanceof SequencerEffect.ProductionFailed f) {
                LOG.log(Level.ERROR, "did not produce L2 block " + f.number() + ": " + f.reason());
                metrics.productionFailed();
            }
        }
    }

    private void notifySubscribers(L2Block block) {
        for (Consumer<L2Block> s : subscribers) {
            try {
                s.accept(block);
            } catch (RuntimeException ex) {
                LOG.log(Level.WARNING, "L2 head subscriber failed at block " + block.number(), ex);
            }
        }
    }

    private static AssignmentSource assignments(PosService pos) {
        return n -> {
            try {
                return pos.assignmentFor(n).filter(a -> a.covers(n));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "PoS service failed for L2 block " + n + ": " + e);
                return Optional.empty();
            }
        };
    }
}
