package seqpool.p2p.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Bytes;
import seqpool.api.p2p.Channel;
import seqpool.api.p2p.SendResult;
import seqpool.codec.crypto.LocalNodeSigner;

/** Idle connections that never start TLS can hold at most maxPendingHandshakes slots; honest peers get in afterwards. */
class HandshakeLimitTest {

    @Test
    void connectionsBeyondTheLimitAreClosedAtOnce() throws Exception {
        List<LocalNodeSigner> s = TestNode.signers(2);
        try (TestNode a = new TestNode(s.get(0), TestNode.freePort()); TestNode b = new TestNode(s.get(1), TestNode.freePort())) {
            b.start(TestNode.config(b.port).maxPendingHandshakes(2).peer(a.endpoint()).build());
            try (RogueClient idle1 = RogueClient.plain(b.port); RogueClient idle2 = RogueClient.plain(b.port)) {
                Thread.sleep(300);
                try (RogueClient third = RogueClient.plain(b.port)) {
                    assertTrue(third.closedByPeer(Duration.ofSeconds(5)), "over the limit: closed before TLS");
                }
                assertTrue(idle1.staysOpen(Duration.ofMillis(300)), "within the limit: waits for its handshake");
            }
            // the idle connections are gone: A's dial gets through
            a.start(TestNode.config(a.port).peer(b.endpoint()).build());
            TestNode.await("session", Duration.ofSeconds(20),
                    () -> b.net.connectedPeers().contains(a.address()) && a.net.connectedPeers().contains(b.address()));
            assertEquals(SendResult.QUEUED, a.net.send(b.address(), Channel.L2, Bytes.utf8("in")));
            TestNode.await("delivered", Duration.ofSeconds(10), () -> b.from(a.address(), Channel.L2).size() == 1);
        }
    }
}
