package seqpool.p2p.host;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.identity.NodeSigner;
import seqpool.api.metrics.MetricSink;
import seqpool.api.metrics.MetricSource;
import seqpool.api.p2p.Channel;
import seqpool.api.p2p.MessageListener;
import seqpool.api.p2p.P2pNetwork;
import seqpool.api.p2p.PeerAuthorizer;
import seqpool.api.p2p.PeerInfo;
import seqpool.api.p2p.SendResult;
import seqpool.api.p2p.Subscription;
import seqpool.p2p.peer.PeerEndpoint;

/**
 * The transport as an OSGi service. Requires configuration PID {@code seqpool.p2p} and a {@link NodeSigner}. An
 * optional {@link PeerAuthorizer} service (e.g. the L1 registry) decides who may connect; without one, only the
 * configured peers may. The authorizer is followed dynamically, so it can come and go without a restart.
 */
@Component(service = {P2pNetwork.class, MetricSource.class}, configurationPid = "seqpool.p2p", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = P2pConfiguration.class)
public final class P2pComponent implements P2pNetwork, MetricSource {
    private final NettyP2pNetwork network;
    private final PeerAuthorizer configuredOnly;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile PeerAuthorizer authorizer;

    @Activate
    public P2pComponent(P2pConfiguration cfg, @Reference NodeSigner signer) {
        P2pConfig config = toConfig(cfg);
        this.configuredOnly = P2pNetworks.configuredPeersOnly(config);
        this.network = P2pNetworks.start(config, signer, peer -> {
            PeerAuthorizer a = authorizer;
            return a != null ? a.isAuthorized(peer) : configuredOnly.isAuthorized(peer);
        });
    }

    static P2pConfig toConfig(P2pConfiguration cfg) {
        P2pConfig.Builder b = P2pConfig.builder()
                .listen(cfg.listenHost(), cfg.listenPort())
                .protocols(Arrays.asList(cfg.protocols()))
                .maxFrameBytes(cfg.maxFrameBytes())
                .sendQueue(cfg.sendQueueMessages(), cfg.sendQueueBytes())
                .backoff(cfg.backoffMinMs(), cfg.backoffMaxMs())
                .banSeconds(cfg.banSeconds())
                .scoreRecoverySeconds(cfg.scoreRecoverySeconds())
                .handshakeTimeoutMs(cfg.handshakeTimeoutMs())
                .maxPendingHandshakes(cfg.maxPendingHandshakes())
                .ioThreads(cfg.ioThreads())
                .inbound(cfg.inboundBytesPerSecond(), cfg.inboundBurstBytes());
        for (String p : cfg.peers()) {
            if (!p.isBlank()) {
                b.peer(PeerEndpoint.parse(p));
            }
        }
        return b.build();
    }

    /** The running transport (for tests and diagnostics in this package). */
    NettyP2pNetwork network() {
        return network;
    }

    @Deactivate
    void deactivate() {
        network.close();
    }

    @Override
    public Address self() {
        return network.self();
    }

    @Override
    public Set<Address> connectedPeers() {
        return network.connectedPeers();
    }

    @Override
    public SendResult send(Address peer, Channel channel, Bytes payload) {
        return network.send(peer, channel, payload);
    }

    @Override
    public int broadcast(Channel channel, Bytes payload) {
        return network.broadcast(channel, payload);
    }

    @Override
    public Subscription subscribe(Channel channel, MessageListener listener) {
        return network.subscribe(channel, listener);
    }

    @Override
    public void penalize(Address peer, int points, String reason) {
        network.penalize(peer, points, reason);
    }

    @Override
    public Optional<PeerInfo> peer(Address peer) {
        return network.peer(peer);
    }

    @Override
    public OptionalInt protocolVersion(Address peer, Channel channel) {
        return network.protocolVersion(peer, channel);
    }

    @Override
    public int maxPayloadBytes() {
        return network.maxPayloadBytes();
    }

    /** The transport's own metrics: messages and bytes per channel, drops, penalties and bans (docs/operations.md). */
    @Override
    public void collect(MetricSink sink) {
        network.metrics().collect(sink);
    }
}
