package seqpool.consensus.host;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.consensus.CommitListener;
import seqpool.api.consensus.CommittedBlock;
import seqpool.api.consensus.ConsensusApplication;
import seqpool.api.consensus.ConsensusEngine;
import seqpool.api.consensus.DuplicateVoteEvidence;
import seqpool.api.consensus.SubmitOutcome;
import seqpool.api.consensus.SubmitResult;
import seqpool.api.consensus.ValidatorSet;
import seqpool.api.identity.NodeSigner;
import seqpool.api.p2p.Channel;
import seqpool.api.p2p.P2pNetwork;
import seqpool.api.p2p.Subscription;
import seqpool.api.store.KeyValueStore;
import seqpool.api.store.StoreException;
import seqpool.api.trace.TraceSink;
import seqpool.consensus.node.ConsensusNode;
import seqpool.consensus.node.NodeAction;
import seqpool.consensus.node.NodeConfig;
import seqpool.consensus.node.SignatureVerifier;
import seqpool.consensus.node.TimerKey;

/**
 * Runs one {@link ConsensusNode} on a single event thread ("seqpool-consensus"): p2p listeners and callers only
 * enqueue (after checking a vote's signature on their own thread, see {@link PreVerifier}); timers are scheduled on the
 * same thread; actions go to the {@link P2pNetwork}. A store failure or an
 * application exception stops the engine (logged with the cause) rather than continue on unknown state.
 *
 * <p>Thread-safety: all public methods may be called from any thread. {@link #submit} hands the transaction to the
 * event thread, where checkTx and the mempool run, and waits for the answer for a bounded time (ACCEPTED means "checked
 * and in the mempool"); called on the event thread itself (a commit listener) it runs there directly.
 *
 * <p>The event queue is bounded for peer messages only (count and bytes): when it is full, a peer message is dropped
 * and counted ({@link #droppedPeerMessages}); timers and local commands are always queued.
 */
public final class ConsensusHost implements ConsensusEngine, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ConsensusHost.class.getName());
    /** How long {@link #submit} waits for the event thread to check a transaction before it answers "retry later". */
    static final long DEFAULT_SUBMIT_WAIT_MS = 5_000;
    /** Peer messages waiting for the event thread, at most (timers and local commands are never refused). */
    static final int DEFAULT_MAX_QUEUED_PEER_MESSAGES = 10_000;
    /** Bytes of peer messages waiting for the event thread, at most (a proposal carries its block). */
    static final long MAX_QUEUED_PEER_BYTES = 256L << 20;

    private final ConsensusNode node;
    private final P2pNetwork network;
    private final NodeConfig config;
    private final PreVerifier preVerifier;
    private final ScheduledExecutorService events;
    private final List<CommitListener> followers = new CopyOnWriteArrayList<>();
    /** Submissions handed to the event thread and not yet taken by it (bounded by the mempool size). */
    private final AtomicInteger submitsWaiting = new AtomicInteger();
    private volatile long submitWaitMs = DEFAULT_SUBMIT_WAIT_MS;
    private final AtomicInteger queuedPeerMessages = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong queuedPeerBytes = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.LongAdder droppedPeerMessages = new java.util.concurrent.atomic.LongAdder();
    private volatile int maxQueuedPeerMessages = DEFAULT_MAX_QUEUED_PEER_MESSAGES;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile long committedHeight;
    private volatile ValidatorSet validators;
    private Subscription subscription;
    private Thread eventThread;

    public ConsensusHost(NodeConfig config, NodeSigner signer, SignatureVerifier verifier, KeyValueStore store,
            ConsensusApplication app, ValidatorSet genesis, P2pNetwork network, TraceSink trace,
            Map<Address, String> traceNames) throws StoreException {
        this.config = config;
        this.network = network;
        this.preVerifier = new PreVerifier(verifier, config, () -> committedHeight + 1);
        this.node = new ConsensusNode(config, signer, preVerifier, store, app, genesis, trace, traceNames);
        ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "seqpool-consensus");
            t.setDaemon(true);
            eventThread = t;
            return t;
        });
        ex.setRemoveOnCancelPolicy(true);
        this.events = ex;
        this.validators = genesis;
    }

    /** Subscribes to the consensus channel and starts (or resumes from the store) consensus. */
    public void start() {
        subscription = network.subscribe(Channel.CONSENSUS, m -> {
            int size = m.payload().size();
            if (!admitPeerMessage(size)) {
                droppedPeerMessages.increment(); // gossip and retransmission repeat what matters
                return;
            }
            preVerifier.preverify(m.payload()); // signature recovery on the transport's thread, not the event thread
            run(() -> {
                releasePeerMessage(size);
                return node.onMessage(m.from(), m.payload());
            });
        });
        run(node::start);
    }

    /**
     * Reserves a place in the event queue for a peer message: false when {@link #maxQueuedPeerMessages} messages or
     * {@link #MAX_QUEUED_PEER_BYTES} bytes already wait. Only peer messages are bounded this way: timers and local
     * commands (submissions, follow, evidence) are few, and dropping one could stall this node.
     */
    private boolean admitPeerMessage(int size) {
        if (queuedPeerMessages.incrementAndGet() > maxQueuedPeerMessages) {
            queuedPeerMessages.decrementAndGet();
            return false;
        }
        if (queuedPeerBytes.addAndGet(size) > MAX_QUEUED_PEER_BYTES) {
            queuedPeerBytes.addAndGet(-size);
            queuedPeerMessages.decrementAndGet();
            return false;
        }
        return true;
    }

    private void releasePeerMessage(int size) {
        queuedPeerBytes.addAndGet(-size);
        queuedPeerMessages.decrementAndGet();
    }

    /** Peer messages dropped because the event queue was full (metric {@code seqpool_consensus_dropped_messages}). */
    public long droppedPeerMessages() {
        return droppedPeerMessages.sum();
    }

    /** For tests: the bound on queued peer messages. */
    void maxQueuedPeerMessages(int max) {
        this.maxQueuedPeerMessages = max;
    }

    @Override
    public void close() {
        if (stopped.compareAndSet(false, true)) {
            if (subscription != null) {
                subscription.close();
            }
            events.shutdownNow();
            try {
                events.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public SubmitResult submit(Bytes tx) {
        return offer(tx).result();
    }

    /**
     * checkTx and the mempool run on the event thread (the application's state belongs to it); the caller waits at most
     * {@code submitWaitMs} for them to start. A transaction the event thread has not taken by then is abandoned (the
     * event thread skips it) and the answer is MEMPOOL_FULL, "retry later": never ACCEPTED for an unchecked one.
     */
    @Override
    public SubmitOutcome offer(Bytes tx) {
        if (tx.size() > config.limits().maxTxBytes()) {
            return SubmitOutcome.rejected("transaction of " + tx.size() + " bytes exceeds the limit of "
                    + config.limits().maxTxBytes());
        }
        if (stopped.get()) {
            return SubmitOutcome.rejected("the consensus engine is stopped");
        }
        if (onEventThread()) {
            SubmitOutcome o = node.offer(tx);
            run(node::flush); // gossip of the accepted transaction, after the current step
            return o;
        }
        if (submitsWaiting.incrementAndGet() > config.mempoolMaxTxs()) {
            submitsWaiting.decrementAndGet();
            return new SubmitOutcome(SubmitResult.MEMPOOL_FULL, "too many transactions waiting to be checked");
        }
        PendingSubmit pending = new PendingSubmit();
        run(() -> {
            submitsWaiting.decrementAndGet();
            if (!pending.state.compareAndSet(PendingSubmit.WAITING, PendingSubmit.TAKEN)) {
                return List.of(); // the caller gave up: not checked, not added
            }
            try {
                pending.result.complete(node.offer(tx));
            } catch (RuntimeException e) {
                pending.result.completeExceptionally(e);
                throw e;
            }
            return node.flush();
        });
        try {
            return pending.result.get(submitWaitMs, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            if (pending.state.compareAndSet(PendingSubmit.WAITING, PendingSubmit.ABANDONED)) {
                return new SubmitOutcome(SubmitResult.MEMPOOL_FULL,
                        "the consensus thread did not check it within " + submitWaitMs + " ms; retry later");
            }
            return awaitTaken(pending); // the event thread is checking it now: its answer is the truth
        } catch (java.util.concurrent.ExecutionException e) {
            return SubmitOutcome.rejected("the consensus engine failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (pending.state.compareAndSet(PendingSubmit.WAITING, PendingSubmit.ABANDONED)) {
                return SubmitOutcome.rejected("interrupted before the transaction was checked");
            }
            return awaitTaken(pending);
        }
    }

    private static SubmitOutcome awaitTaken(PendingSubmit pending) {
        try {
            return pending.result.join();
        } catch (java.util.concurrent.CompletionException e) {
            return SubmitOutcome.rejected("the consensus engine failed: " + e.getCause());
        }
    }

    /** One submission on its way to the event thread: taken by it, or abandoned by a caller that stopped waiting. */
    private static final class PendingSubmit {
        static final int WAITING = 0;
        static final int TAKEN = 1;
        static final int ABANDONED = 2;
        final AtomicInteger state = new AtomicInteger(WAITING);
        final java.util.concurrent.CompletableFuture<SubmitOutcome> result = new java.util.concurrent.CompletableFuture<>();
    }

    /** For tests: how long {@link #submit} waits for the event thread. */
    void submitWaitMs(long ms) {
        this.submitWaitMs = ms;
    }

    @Override
    public SubmitResult submitEvidence(DuplicateVoteEvidence evidence) {
        if (Thread.currentThread() == eventThread) {
            throw new IllegalStateException("submitEvidence waits for the event thread: call it from elsewhere");
        }
        java.util.concurrent.CompletableFuture<SubmitResult> result = new java.util.concurrent.CompletableFuture<>();
        run(() -> {
            result.complete(node.submitEvidence(evidence));
            return node.flush();
        });
        try {
            return result.get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return SubmitResult.REJECTED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SubmitResult.REJECTED;
        }
    }

    @Override
    public Subscription follow(long fromHeight, CommitListener listener) {
        AtomicBoolean open = new AtomicBoolean(true);
        CommitListener guarded = b -> {
            if (open.get() && b.height() >= fromHeight) {
                listener.onCommit(b);
            }
        };
        run(() -> {
            for (long h = Math.max(1, fromHeight); h <= node.committedHeight(); h++) {
                Optional<CommittedBlock> b = node.block(h);
                if (b.isPresent()) {
                    guarded.onCommit(b.get());
                }
            }
            followers.add(guarded);
            return List.of();
        });
        return () -> {
            open.set(false);
            followers.remove(guarded);
        };
    }

    @Override
    public long committedHeight() {
        return committedHeight;
    }

    @Override
    public Optional<CommittedBlock> block(long height) {
        try {
            return node.block(height);
        } catch (StoreException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read block " + height + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public ValidatorSet currentValidators() {
        return validators;
    }

    public Address self() {
        return node.self();
    }

    /** A step of the node, run on the event thread; its actions are carried out there too. */
    @FunctionalInterface
    interface Step {
        List<NodeAction> run() throws StoreException;
    }

    private void run(Step step) {
        if (stopped.get()) {
            return;
        }
        try {
            events.execute(() -> execute(step));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down
        }
    }

    private void execute(Step step) {
        if (stopped.get()) {
            return;
        }
        try {
            perform(step.run());
        } catch (StoreException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "consensus engine stopped: " + e.getMessage(), e);
            stopped.set(true);
            events.shutdown();
        }
    }

    private void perform(List<NodeAction> actions) {
        for (NodeAction a : actions) {
            if (a instanceof NodeAction.Broadcast b) {
                network.broadcast(Channel.CONSENSUS, b.payload());
            } else if (a instanceof NodeAction.SendTo s) {
                network.send(s.peer(), Channel.CONSENSUS, s.payload());
            } else if (a instanceof NodeAction.SetTimer t) {
                TimerKey key = t.key();
                if (!stopped.get()) {
                    events.schedule(() -> execute(() -> node.onTimer(key)), t.delayMs(), TimeUnit.MILLISECONDS);
                }
            } else if (a instanceof NodeAction.Committed c) {
                committedHeight = c.block().height();
                validators = node.currentValidators();
                for (CommitListener l : followers) {
                    try {
                        l.onCommit(c.block());
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING, "commit listener failed at height " + c.block().height(), e);
                    }
                }
            } else if (a instanceof NodeAction.Penalize p) {
                LOG.log(System.Logger.Level.INFO, "rejected consensus message from " + p.peer() + ": " + p.reason());
                network.penalize(p.peer(), 10, p.reason());
            }
        }
    }

    /** For tests: whether the caller is on the event thread. */
    boolean onEventThread() {
        return Thread.currentThread() == eventThread;
    }
}
