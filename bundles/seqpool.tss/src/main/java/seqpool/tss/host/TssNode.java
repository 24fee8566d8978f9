package seqpool.tss.host;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.p2p.Channel;
import seqpool.api.p2p.InboundMessage;
import seqpool.api.p2p.P2pNetwork;
import seqpool.api.p2p.Subscription;
import seqpool.api.store.StoreException;
import seqpool.api.trace.TraceSink;
import seqpool.api.tss.Committee;
import seqpool.api.tss.KeyId;
import seqpool.api.tss.KeyInfo;
import seqpool.api.tss.KeyStatus;
import seqpool.api.tss.SignatureScheme;
import seqpool.api.tss.ThresholdKeyService;
import seqpool.api.tss.ThresholdSignature;
import seqpool.api.tss.TssException;
import seqpool.codec.crypto.Secp256k1Group;
import seqpool.codec.wire.MalformedMessageException;
import seqpool.tss.keystore.ShareVault;
import seqpool.tss.share.KeyShare;
import seqpool.tss.vss.VssConfig;

/**
 * {@link ThresholdKeyService} over a {@link P2pNetwork} and a {@link ShareVault}. All protocol state lives on one event
 * thread (the given single-threaded executor); transport threads only enqueue. Messages for sessions not started here
 * yet are buffered (bounded); every session has a deadline after which it aborts naming the silent parties.
 *
 * <p>Security: shares are loaded from the vault only for the operation that needs them; nothing secret is logged.
 */
public final class TssNode implements ThresholdKeyService, AutoCloseable {
    private static final Logger LOG = System.getLogger(TssNode.class.getName());
    static final int MAX_PENDING = 4096;
    static final int NONCE_BATCH = 16;

    private final P2pNetwork net;
    private final ShareVault vault;
    private final SecureRandom random;
    private final TraceSink trace;
    private final Function<Address, String> names;
    private final ScheduledExecutorService loop;
    private final Duration timeout;
    private final Subscription subscription;
    private final Map<String, VssHost> vss = new HashMap<>();
    private final Map<String, SignHost> signs = new HashMap<>();
    private final Map<String, List<InboundMessage>> pending = new LinkedHashMap<>();
    private int pendingCount;
    private final Set<Long> reservedNonces = new java.util.HashSet<>();
    /** Nonce ids grow with wall-clock microseconds, so ids stay unique across restarts. */
    private long nextNonceId = System.currentTimeMillis() * 1000;

    public TssNode(P2pNetwork net, ShareVault vault, SecureRandom random, TraceSink trace,
            Function<Address, String> names, ScheduledExecutorService eventLoop, Duration sessionTimeout) {
        this.net = net;
        this.vault = vault;
        this.random = random;
        this.trace = trace;
        this.names = names;
        this.loop = eventLoop;
        this.timeout = sessionTimeout;
        this.subscription = net.subscribe(Channel.MPC, m -> loop.execute(() -> onMessage(m)));
    }

    Address self() {
        return net.self();
    }

    String name(Address a) {
        return names.apply(a);
    }

    void trace(String event, Map<String, Object> fields) {
        trace.record(name(self()), event, fields);
    }

    void broadcast(List<Address> to, int protocol, byte[] taskId, byte[] body) {
        byte[] payload = new MpcEnvelope(protocol, taskId, body).encode();
        for (Address a : to) {
            if (!a.equals(self())) {
                net.send(a, Channel.MPC, Bytes.wrap(payload));
            }
        }
    }

    ScheduledFuture<?> schedule(Runnable r) {
        return loop.schedule(r, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code r} on the event thread after 1/{@code divisor} of the session timeout. */
    ScheduledFuture<?> scheduleFraction(Runnable r, int divisor) {
        return loop.schedule(r, timeout.toMillis() / divisor, TimeUnit.MILLISECONDS);
    }

    ShareVault vault() {
        return vault;
    }

    SecureRandom random() {
        return random;
    }

    Function<Address, String> names() {
        return names;
    }

    void finished(String task) {
        vss.remove(task);
        signs.remove(task);
    }

    private void onMessage(InboundMessage m) {
        MpcEnvelope e;
        try {
            e = MpcEnvelope.decode(m.payload().toArray());
        } catch (MalformedMessageException ex) {
            net.penalize(m.from(), 10, "malformed mpc envelope");
            return;
        }
        String task = e.taskHex();
        if (e.protocol() == MpcEnvelope.VSS && vss.containsKey(task)) {
            vss.get(task).onMessage(m.from(), e.body());
        } else if (e.protocol() == MpcEnvelope.SIGN && signs.containsKey(task)) {
            signs.get(task).onMessage(m.from(), e.body());
        } else if (pendingCount < MAX_PENDING) {
            pending.computeIfAbsent(task, k -> new ArrayList<>()).add(m);
            pendingCount++;
        } else {
            LOG.log(Level.WARNING, "mpc buffer full; dropped a message from {0}", name(m.from()));
        }
    }

    private List<InboundMessage> drainPending(String task) {
        List<InboundMessage> l = pending.remove(task);
        if (l == null) {
            return List.of();
        }
        pendingCount -= l.size();
        return l;
    }

    private <T> CompletionStage<T> onLoop(java.util.function.Consumer<CompletableFuture<T>> body) {
        CompletableFuture<T> f = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                body.accept(f);
            } catch (RuntimeException ex) {
                f.completeExceptionally(ex);
            }
        });
        return f;
    }

    @Override
    public CompletionStage<KeyInfo> generate(KeyId keyId, Committee committee, long epoch) {
        return onLoop(f -> startVss(VssConfig.dkg(keyId, epoch, committee), null, f));
    }

    @Override
    public CompletionStage<KeyInfo> reshare(KeyId keyId, Committee oldCommittee, int fromGeneration, Committee newCommittee,
            Bytes expectedGroupKey, long epoch) {
        return onLoop(f -> {
            try {
                KeyShare old = oldCommittee.contains(self()) ? vault.loadShare(keyId, fromGeneration).orElse(null) : null;
                if (oldCommittee.contains(self()) && old == null) {
                    throw new TssException(TssException.Kind.INVALID_REQUEST, "no share of " + keyId + " generation "
                            + fromGeneration + " on this node", Set.of());
                }
                var groupKey = seqpool.codec.crypto.Secp256k1Group.decode(expectedGroupKey.toArray());
                VssConfig cfg = VssConfig.reshare(keyId, epoch, oldCommittee, oldCommittee.members(), fromGeneration,
                        newCommittee, groupKey);
                if (old != null && !old.publicKeys().groupKey().equals(groupKey)) {
                    throw new TssException(TssException.Kind.INVALID_REQUEST, "expected group key differs from ours", Set.of());
                }
                startVss(cfg, old, f);
            } catch (TssException | StoreException | seqpool.codec.crypto.InvalidEncodingException ex) {
                f.completeExceptionally(ex instanceof TssException ? ex
                        : new TssException(TssException.Kind.LOCAL, "cannot start reshare: " + ex.getMessage(), ex));
            }
        });
    }

    @Override
    public CompletionStage<KeyInfo> refresh(KeyId keyId, long epoch) {
        Optional<KeyInfo> info;
        try {
            info = vault.keyInfo(keyId);
        } catch (StoreException e) {
            return CompletableFuture.failedFuture(new TssException(TssException.Kind.LOCAL, e.getMessage(), e));
        }
        if (info.isEmpty() || info.get().status() != KeyStatus.ACTIVE) {
            return CompletableFuture.failedFuture(new TssException(TssException.Kind.INVALID_REQUEST,
                    "no active key " + keyId, Set.of()));
        }
        KeyInfo k = info.get();
        return reshare(keyId, k.committee(), k.generation(), k.committee(), k.groupKey(), epoch);
    }

    private void startVss(VssConfig cfg, KeyShare old, CompletableFuture<KeyInfo> f) {
        VssHost h = new VssHost(this, cfg, old, f);
        String task = java.util.HexFormat.of().formatHex(cfg.taskId());
        if (vss.containsKey(task)) {
            f.completeExceptionally(new IllegalStateException("session " + task + " already running"));
            return;
        }
        vss.put(task, h);
        h.start();
        for (InboundMessage m : drainPending(task)) {
            onMessage(m);
        }
    }

    @Override
    public CompletionStage<ThresholdSignature> sign(KeyId keyId, SignatureScheme scheme, Bytes message, Set<Address> signers) {
        if (scheme != SignatureScheme.FROST_SECP256K1_SHA256) {
            return CompletableFuture.failedFuture(new TssException(TssException.Kind.INVALID_REQUEST,
                    scheme + " is not provided by this version", Set.of()));
        }
        return onLoop(f -> SignHost.start(this, keyId, message.toArray(), signers, f, signs, this::drainPendingAndDeliver));
    }

    private void drainPendingAndDeliver(String task) {
        for (InboundMessage m : drainPending(task)) {
            onMessage(m);
        }
    }

    /** Ids of stored nonces whose commitment a running signing session has published (event thread only). */
    Set<Long> reservedNonces() {
        return reservedNonces;
    }

    long nextNonceIds(int n) {
        nextNonceId = Math.max(nextNonceId, System.currentTimeMillis() * 1000);
        long first = nextNonceId;
        nextNonceId += n;
        return first;
    }

    @Override
    public void delete(KeyId keyId) throws TssException {
        try {
            Optional<KeyInfo> info = vault.keyInfo(keyId);
            if (info.isEmpty()) {
                return;
            }
            KeyInfo k = info.get();
            vault.eraseKey(keyId, new KeyInfo(keyId, k.generation(), k.committee(), k.groupKey(), KeyStatus.DELETED));
            trace("GenerationErased", Map.of("generation", k.generation()));
        } catch (StoreException e) {
            throw new TssException(TssException.Kind.LOCAL, "cannot delete " + keyId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<KeyInfo> status(KeyId keyId) throws TssException {
        try {
            return vault.keyInfo(keyId);
        } catch (StoreException e) {
            throw new TssException(TssException.Kind.LOCAL, e.getMessage(), e);
        }
    }

    @Override
    public List<KeyInfo> keys() throws TssException {
        try {
            return vault.keys();
        } catch (StoreException e) {
            throw new TssException(TssException.Kind.LOCAL, e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        subscription.close();
    }
}
