package seqpool.p2p.host;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.identity.NodeSigner;
import seqpool.api.p2p.Channel;
import seqpool.api.p2p.MessageListener;
import seqpool.api.p2p.P2pNetwork;
import seqpool.api.p2p.PeerAuthorizer;
import seqpool.api.p2p.PeerInfo;
import seqpool.api.p2p.PeerState;
import seqpool.api.p2p.SendResult;
import seqpool.api.p2p.Subscription;
import seqpool.p2p.hello.Hello;
import seqpool.p2p.peer.BackoffPolicy;
import seqpool.p2p.peer.DialRule;
import seqpool.p2p.peer.PeerEndpoint;
import seqpool.p2p.peer.ScoreBook;
import seqpool.p2p.tls.PeerCertificateVerifier;
import seqpool.p2p.tls.TlsIdentity;
import seqpool.p2p.wire.FrameCodec;

/**
 * The netty implementation of {@link P2pNetwork}: listens, dials the configured peers it should dial (lower address)
 * with backoff, keeps one authenticated session per peer, scores and bans. Create it with {@link P2pNetworks};
 * {@link #close()} stops everything. Thread-safe.
 */
public final class NettyP2pNetwork implements P2pNetwork, AutoCloseable {
    private final P2pMetrics metrics = new P2pMetrics();
    private static final System.Logger LOG = System.getLogger("seqpool.p2p");

    private final P2pConfig config;
    private final Address self;
    private final FrameCodec codec;
    private final BackoffPolicy backoff;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final TlsIdentity identity;
    private final TlsContexts tls;
    private final Pipelines pipelines;
    private final Map<Address, PeerEndpoint> configured = new LinkedHashMap<>();
    private final Map<Address, Dialer> dialers = new LinkedHashMap<>();
    private final Set<String> configuredHosts = new HashSet<>();
    private final ScoreBook<Address> peerScores;
    private final ScoreBook<String> hostScores;
    private final ConcurrentMap<Address, PeerSession> sessions = new ConcurrentHashMap<>();
    private final Subscriptions subscriptions = new Subscriptions();
    private final SessionRouter router;
    private final EventLoopGroup acceptGroup;
    private final EventLoopGroup ioGroup;
    private final io.netty.channel.Channel server;
    private volatile boolean closed;

    NettyP2pNetwork(P2pConfig config, NodeSigner signer, PeerAuthorizer authorizer, Clock clock) throws SSLException {
        this.config = config;
        this.clock = clock;
        this.self = signer.address();
        this.codec = new FrameCodec(config.maxFrameBytes());
        this.backoff = new BackoffPolicy(config.backoffMinMs(), config.backoffMaxMs());
        this.peerScores = new ScoreBook<>(clock, Duration.ofSeconds(config.banSeconds()), Duration.ofSeconds(config.scoreRecoverySeconds()));
        this.hostScores = new ScoreBook<>(clock, Duration.ofSeconds(config.banSeconds()), Duration.ofSeconds(config.scoreRecoverySeconds()));
        for (PeerEndpoint p : config.peers()) {
            if (p.address().equals(self)) {
                continue;
            }
            configured.put(p.address(), p);
            if (DialRule.shouldDial(self, p.address())) {
                dialers.put(p.address(), new Dialer(p));
            }
            resolve(p.host()).ifPresent(configuredHosts::add);
        }
        PeerCertificateVerifier verifier = new PeerCertificateVerifier(clock);
        this.identity = TlsIdentity.create(signer, clock, random);
        this.tls = new TlsContexts(identity, verifier, authorizer, peerScores::isBanned);
        this.router = new SessionRouter(this);
        this.pipelines = new Pipelines(router, Hello.fromProtocols(config.protocols()), codec, verifier, config);
        this.acceptGroup = new NioEventLoopGroup(1, new DefaultThreadFactory("p2p-accept-" + shortName(), true));
        this.ioGroup = new NioEventLoopGroup(config.ioThreads(), new DefaultThreadFactory("p2p-io-" + shortName(), true));
        WriteBufferWaterMark marks = new WriteBufferWaterMark(config.sendQueueBytes() / 2, config.sendQueueBytes());
        io.netty.channel.ChannelFuture bound = new ServerBootstrap().group(acceptGroup, ioGroup).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, marks)
                .childHandler(pipelines.inbound(new HostGate(this::hostRefused, config.maxPendingHandshakes()), tls.server()))
                .bind(config.listenHost(), config.listenPort()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutdownGroups();
            throw new IllegalStateException("p2p: cannot listen on " + config.listenHost() + ":" + config.listenPort(), bound.cause());
        }
        this.server = bound.channel();
        LOG.log(System.Logger.Level.INFO, "p2p " + self + " listening on " + server.localAddress() + ", protocols " + config.protocols());
        dialers.values().forEach(d -> scheduleDial(d, Duration.ZERO));
    }

    private String shortName() {
        return self.toHex().substring(2, 8);
    }

    private static Optional<String> resolve(String host) {
        try {
            return Optional.of(InetAddress.getByName(host).getHostAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The TCP port the transport listens on. */
    public int boundPort() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** The score of an unauthenticated remote host (TLS failures count against it). */
    public int hostScore(String hostAddress) {
        return hostScores.score(hostAddress);
    }

    private boolean hostRefused(String host) {
        return closed || (hostScores.isBanned(host) && !configuredHosts.contains(host));
    }

    @Override
    public Address self() {
        return self;
    }

    @Override
    public Set<Address> connectedPeers() {
        return Set.copyOf(sessions.keySet());
    }

    @Override
    public SendResult send(Address peer, Channel channel, Bytes payload) {
        if (payload.size() > codec.maxPayloadBytes()) {
            return SendResult.TOO_LARGE;
        }
        PeerSession s = sessions.get(peer);
        SendResult r = s == null ? SendResult.NOT_CONNECTED : s.send(channel, payload);
        metrics.sent(channel, payload.size(), r);
        return r;
    }

    /** The transport's own metrics (bytes, drops, bans). */
    P2pMetrics metrics() {
        return metrics;
    }

    @Override
    public int broadcast(Channel channel, Bytes payload) {
        if (payload.size() > codec.maxPayloadBytes()) {
            return 0;
        }
        int accepted = 0;
        for (PeerSession s : sessions.values()) {
            SendResult r = s.send(channel, payload);
            metrics.sent(channel, payload.size(), r);
            if (r == SendResult.QUEUED) {
                accepted++;
            }
        }
        return accepted;
    }

    @Override
    public Subscription subscribe(Channel channel, MessageListener listener) {
        return subscriptions.add(channel, listener);
    }

    @Override
    public void penalize(Address peer, int points, String reason) {
        if (points <= 0) {
            throw new IllegalArgumentException("penalty points must be positive, got " + points);
        }
        router.penalizePeer(peer, points, reason);
    }

    @Override
    public Optional<PeerInfo> peer(Address peer) {
        PeerSession s = sessions.get(peer);
        PeerEndpoint cfg = configured.get(peer);
        if (s == null && cfg == null && !peerScores.isKnown(peer)) {
            return Optional.empty();
        }
        Dialer d = dialers.get(peer);
        PeerState state = peerScores.isBanned(peer) ? PeerState.BANNED
                : s != null ? PeerState.CONNECTED
                : d != null ? d.stateWithoutSession() : PeerState.DISCONNECTED;
        String endpoint = s != null ? s.remoteEndpoint() : cfg != null ? cfg.host() + ":" + cfg.port() : "";
        return Optional.of(new PeerInfo(peer, state, peerScores.score(peer), endpoint));
    }

    @Override
    public OptionalInt protocolVersion(Address peer, Channel channel) {
        PeerSession s = sessions.get(peer);
        return s == null ? OptionalInt.empty() : s.versionOf(channel);
    }

    @Override
    public int maxPayloadBytes() {
        return codec.maxPayloadBytes();
    }

    // ---- used by SessionRouter ----

    Map<Address, PeerSession> sessions() {
        return sessions;
    }

    ScoreBook<Address> peerScores() {
        return peerScores;
    }

    ScoreBook<String> hostScores() {
        return hostScores;
    }

    Subscriptions subscriptions() {
        return subscriptions;
    }

    Optional<Dialer> dialer(Address peer) {
        return Optional.ofNullable(dialers.get(peer));
    }

    boolean isClosed() {
        return closed;
    }

    /** Schedules the next attempt for a dialed peer unless one is pending or a session exists. */
    void scheduleDial(Dialer d, Duration delay) {
        if (closed || hasActiveSession(d.endpoint.address())) {
            return;
        }
        Instant banEnd = peerScores.bannedUntil(d.endpoint.address()).orElse(null);
        Duration wait = banEnd == null ? delay : Duration.between(clock.instant(), banEnd).plus(delay);
        if (!d.claim(wait.isZero() ? PeerState.CONNECTING : PeerState.BACKING_OFF)) {
            return;
        }
        try {
            ioGroup.schedule(() -> connect(d), Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            d.released(); // shutting down
        }
    }

    private void connect(Dialer d) {
        PeerEndpoint p = d.endpoint;
        if (closed || hasActiveSession(p.address())) {
            d.released();
            return;
        }
        d.connecting();
        io.netty.channel.Channel ch;
        try {
            ch = new Bootstrap().group(ioGroup).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, config.handshakeTimeoutMs()))
                    .option(ChannelOption.WRITE_BUFFER_WATER_MARK,
                            new WriteBufferWaterMark(config.sendQueueBytes() / 2, config.sendQueueBytes()))
                    .handler(pipelines.outbound(tls.clientFor(p.address()), p.host(), p.port(), p.address()))
                    .connect(p.host(), p.port()).channel();
        } catch (SSLException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot dial " + p + ": " + e);
            redialLater(d);
            return;
        }
        ch.closeFuture().addListener(f -> redialLater(d));
    }

    /** True if an open session exists (a session whose connection is closing does not count). */
    private boolean hasActiveSession(Address peer) {
        PeerSession s = sessions.get(peer);
        return s != null && s.isActive();
    }

    private void redialLater(Dialer d) {
        int failures = d.released();
        if (!closed && !hasActiveSession(d.endpoint.address())) {
            Duration delay = backoff.delay(failures, random);
            LOG.log(System.Logger.Level.DEBUG, "redialing " + d.endpoint + " in " + delay.toMillis() + " ms");
            scheduleDial(d, delay);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.close().awaitUninterruptibly();
        sessions.values().forEach(PeerSession::close);
        shutdownGroups();
        identity.destroy();
        LOG.log(System.Logger.Level.INFO, "p2p " + self + " stopped");
    }

    private void shutdownGroups() {
        acceptGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        ioGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
