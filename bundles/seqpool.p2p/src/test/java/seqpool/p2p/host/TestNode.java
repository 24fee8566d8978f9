package seqpool.p2p.host;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import seqpool.api.common.Address;
import seqpool.api.p2p.Channel;
import seqpool.api.p2p.InboundMessage;
import seqpool.api.p2p.PeerAuthorizer;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.p2p.peer.PeerEndpoint;
import seqpool.p2p.testing.LoopbackPorts;

/** Test fixture: a node on loopback that records what it receives, per channel. */
final class TestNode implements AutoCloseable {
    static final SecureRandom RANDOM = new SecureRandom();

    final LocalNodeSigner signer;
    final int port;
    NettyP2pNetwork net;
    final Map<Channel, List<InboundMessage>> received = new ConcurrentHashMap<>();

    TestNode(LocalNodeSigner signer, int port) {
        this.signer = signer;
        this.port = port;
    }

    /** {@code n} signers, sorted by address (index 0 = lowest). */
    static List<LocalNodeSigner> signers(int n) {
        List<LocalNodeSigner> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(LocalNodeSigner.generate(RANDOM));
        }
        out.sort(Comparator.comparing(LocalNodeSigner::address));
        return out;
    }

    static int freePort() {
        return LoopbackPorts.free();
    }

    Address address() {
        return signer.address();
    }

    PeerEndpoint endpoint() {
        return new PeerEndpoint(address(), "127.0.0.1", port);
    }

    static P2pConfig.Builder config(int port) {
        return P2pConfig.builder().listen("127.0.0.1", port).backoff(50, 400).handshakeTimeoutMs(10_000).ioThreads(1);
    }

    TestNode start(P2pConfig config) {
        return start(config, P2pNetworks.configuredPeersOnly(config));
    }

    TestNode start(P2pConfig config, PeerAuthorizer authorizer) {
        net = P2pNetworks.start(config, signer, authorizer);
        for (Channel c : List.of(Channel.CONSENSUS, Channel.MPC, Channel.L2)) {
            List<InboundMessage> list = received.computeIfAbsent(c, k -> new CopyOnWriteArrayList<>());
            net.subscribe(c, list::add);
        }
        return this;
    }

    List<InboundMessage> from(Address sender, Channel channel) {
        return received.getOrDefault(channel, List.of()).stream().filter(m -> m.from().equals(sender)).toList();
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    @Override
    public void close() {
        if (net != null) {
            net.close();
        }
    }
}
