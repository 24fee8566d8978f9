package seqpool.p2p.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Bytes;
import seqpool.api.p2p.Channel;
import seqpool.api.p2p.PeerState;
import seqpool.api.p2p.SendResult;
import seqpool.codec.crypto.LocalNodeSigner;

/** A configured peer that restarts is redialed with backoff; messages flow again on the new session. */
class ReconnectTest {

    @Test
    void reconnectsAfterEitherSideRestarts() {
        List<LocalNodeSigner> s = TestNode.signers(2);
        int portA = TestNode.freePort();
        int portB = TestNode.freePort();
        TestNode[] n = {new TestNode(s.get(0), portA), new TestNode(s.get(1), portB)};
        P2pConfig cfgA = TestNode.config(portA).peer(n[1].endpoint()).build();
        P2pConfig cfgB = TestNode.config(portB).peer(n[0].endpoint()).build();
        try {
            n[0].start(cfgA);
            n[1].start(cfgB);
            exchange(n[0], n[1]);

            // The higher node (B) restarts: A, the dialer, backs off and redials.
            n[1].close();
            TestNode.await("A notices", Duration.ofSeconds(10), () -> n[0].net.connectedPeers().isEmpty());
            PeerState waiting = n[0].net.peer(n[1].address()).orElseThrow().state();
            assertTrue(waiting == PeerState.BACKING_OFF || waiting == PeerState.CONNECTING, waiting.toString());
            n[1] = new TestNode(s.get(1), portB).start(cfgB);
            exchange(n[0], n[1]);

            // The lower node (A) restarts: it dials B as soon as it starts.
            n[0].close();
            TestNode.await("B notices", Duration.ofSeconds(10), () -> n[1].net.connectedPeers().isEmpty());
            assertEquals(PeerState.DISCONNECTED, n[1].net.peer(n[0].address()).orElseThrow().state(), "B waits for A to dial");
            n[0] = new TestNode(s.get(0), portA).start(cfgA);
            exchange(n[0], n[1]);
        } finally {
            n[0].close();
            n[1].close();
        }
    }

    private static void exchange(TestNode a, TestNode b) {
        TestNode.await("session", Duration.ofSeconds(20),
                () -> a.net.connectedPeers().contains(b.address()) && b.net.connectedPeers().contains(a.address()));
        int before = b.from(a.address(), Channel.CONSENSUS).size();
        assertEquals(SendResult.QUEUED, a.net.send(b.address(), Channel.CONSENSUS, Bytes.utf8("ping")));
        assertEquals(SendResult.QUEUED, b.net.send(a.address(), Channel.CONSENSUS, Bytes.utf8("pong")));
        TestNode.await("exchange", Duration.ofSeconds(10), () -> b.from(a.address(), Channel.CONSENSUS).size() == before + 1
                && a.from(b.address(), Channel.CONSENSUS).size() >= 1);
        assertTrue(a.net.peer(b.address()).orElseThrow().state() == PeerState.CONNECTED);
    }
}
