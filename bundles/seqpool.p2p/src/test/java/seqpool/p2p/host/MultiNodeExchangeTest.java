package seqpool.p2p.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import seqpool.api.common.Bytes;
import seqpool.api.p2p.Channel;
import seqpool.api.p2p.InboundMessage;
import seqpool.api.p2p.PeerState;
import seqpool.api.p2p.SendResult;
import seqpool.codec.crypto.LocalNodeSigner;

/** Four nodes on loopback, full mesh, every channel: every message arrives once, in order per sender and channel. */
class MultiNodeExchangeTest {
    private static final int MESSAGES = 200;
    private static final List<Channel> CHANNELS = List.of(Channel.CONSENSUS, Channel.MPC, Channel.L2);
    private final List<TestNode> nodes = new ArrayList<>();

    @AfterEach
    void stop() {
        nodes.forEach(TestNode::close);
    }

    @Test
    void fourNodesExchangeOnAllChannelsInOrder() {
        for (LocalNodeSigner s : TestNode.signers(4)) {
            nodes.add(new TestNode(s, TestNode.freePort()));
        }
        for (TestNode n : nodes) {
            P2pConfig.Builder b = TestNode.config(n.port);
            nodes.stream().filter(o -> o != n).forEach(o -> b.peer(o.endpoint()));
            n.start(b.build());
        }
        TestNode.await("full mesh", Duration.ofSeconds(20),
                () -> nodes.stream().allMatch(n -> n.net.connectedPeers().size() == 3));
        for (TestNode n : nodes) {
            for (TestNode o : nodes) {
                if (o != n) {
                    assertEquals(PeerState.CONNECTED, n.net.peer(o.address()).orElseThrow().state());
                    assertEquals(100, n.net.peer(o.address()).orElseThrow().score());
                    assertEquals(OptionalInt.of(1), n.net.protocolVersion(o.address(), Channel.CONSENSUS));
                }
            }
        }

        for (int i = 0; i < MESSAGES; i++) {
            for (TestNode from : nodes) {
                for (TestNode to : nodes) {
                    if (from == to) {
                        continue;
                    }
                    for (Channel c : CHANNELS) {
                        Bytes payload = Bytes.utf8(from.address() + ">" + to.address() + ":" + c.name() + ":" + i);
                        assertEquals(SendResult.QUEUED, from.net.send(to.address(), c, payload));
                    }
                }
            }
        }
        TestNode.await("all messages", Duration.ofSeconds(30), () -> nodes.stream().allMatch(
                n -> CHANNELS.stream().allMatch(c -> n.received.get(c).size() == 3 * MESSAGES)));

        for (TestNode to : nodes) {
            for (TestNode from : nodes) {
                if (from == to) {
                    continue;
                }
                for (Channel c : CHANNELS) {
                    List<String> got = to.from(from.address(), c).stream().map(m -> new String(m.payload().toArray()))
                            .collect(Collectors.toList());
                    List<String> expected = new ArrayList<>();
                    for (int i = 0; i < MESSAGES; i++) {
                        expected.add(from.address() + ">" + to.address() + ":" + c.name() + ":" + i);
                    }
                    assertEquals(expected, got, "from " + from.address() + " to " + to.address() + " on " + c.name());
                }
            }
        }
    }

    @Test
    void broadcastReachesEveryPeerAndLimitsArePolicedBeforeSending() {
        for (LocalNodeSigner s : TestNode.signers(3)) {
            nodes.add(new TestNode(s, TestNode.freePort()));
        }
        for (TestNode n : nodes) {
            P2pConfig.Builder b = TestNode.config(n.port).maxFrameBytes(64 * 1024).sendQueue(100, 1024 * 1024);
            nodes.stream().filter(o -> o != n).forEach(o -> b.peer(o.endpoint()));
            n.start(b.build());
        }
        TestNode.await("full mesh", Duration.ofSeconds(20),
                () -> nodes.stream().allMatch(n -> n.net.connectedPeers().size() == 2));
        TestNode a = nodes.get(0);
        assertEquals(2, a.net.broadcast(Channel.L2, Bytes.utf8("hello all")));
        TestNode.await("broadcast", Duration.ofSeconds(10),
                () -> nodes.stream().skip(1).allMatch(n -> n.from(a.address(), Channel.L2).size() == 1));
        assertEquals(64 * 1024 - 2, a.net.maxPayloadBytes());
        assertEquals(SendResult.TOO_LARGE, a.net.send(nodes.get(1).address(), Channel.L2, Bytes.wrap(new byte[64 * 1024 - 1])));
        assertEquals(SendResult.QUEUED, a.net.send(nodes.get(1).address(), Channel.L2, Bytes.wrap(new byte[64 * 1024 - 2])));
        assertEquals(SendResult.NOT_CONNECTED, a.net.send(LocalNodeSigner.generate(TestNode.RANDOM).address(), Channel.L2, Bytes.EMPTY));
        InboundMessage big = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (big == null && System.nanoTime() < deadline) {
            big = nodes.get(1).from(a.address(), Channel.L2).stream().filter(m -> m.payload().size() > 1000).findFirst().orElse(null);
            Thread.onSpinWait();
        }
        assertTrue(big != null && big.payload().size() == 64 * 1024 - 2, "maximum payload delivered");
    }

    @Test
    void versionsAreNegotiatedPerChannel() {
        List<LocalNodeSigner> s = TestNode.signers(2);
        TestNode a = new TestNode(s.get(0), TestNode.freePort());
        TestNode b = new TestNode(s.get(1), TestNode.freePort());
        nodes.add(a);
        nodes.add(b);
        a.start(TestNode.config(a.port).peer(b.endpoint())
                .protocols(List.of("consensus/1", "consensus/2", "consensus/3", "mpc/1", "l2/1")).build());
        b.start(TestNode.config(b.port).peer(a.endpoint())
                .protocols(List.of("l2/1", "consensus/2", "consensus/4", "mpc/2")).build());
        TestNode.await("session", Duration.ofSeconds(10), () -> a.net.connectedPeers().contains(b.address()));
        assertEquals(OptionalInt.of(2), a.net.protocolVersion(b.address(), Channel.CONSENSUS));
        assertEquals(OptionalInt.of(2), b.net.protocolVersion(a.address(), Channel.CONSENSUS));
        assertEquals(OptionalInt.empty(), a.net.protocolVersion(b.address(), Channel.MPC));
        assertEquals(SendResult.NOT_CONNECTED, a.net.send(b.address(), Channel.MPC, Bytes.utf8("x")));
        assertEquals(SendResult.QUEUED, a.net.send(b.address(), Channel.L2, Bytes.utf8("l2")));
        assertEquals(SendResult.QUEUED, b.net.send(a.address(), Channel.CONSENSUS, Bytes.utf8("c")));
        TestNode.await("delivery", Duration.ofSeconds(10), () -> b.from(a.address(), Channel.L2).size() == 1
                && a.from(b.address(), Channel.CONSENSUS).size() == 1);
    }
}
