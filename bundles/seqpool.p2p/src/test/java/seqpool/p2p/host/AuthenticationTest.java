package seqpool.p2p.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Address;
import seqpool.api.p2p.PeerState;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.p2p.peer.Offence;
import seqpool.p2p.peer.PeerEndpoint;
import seqpool.p2p.peer.ScoreBook;

/** Sessions are admitted only for authorized signers, and a dial only reaches the signer it meant to dial. */
class AuthenticationTest {

    @Test
    void unauthorizedSignerIsRefusedAndScored() {
        List<LocalNodeSigner> s = TestNode.signers(3);
        // E (lowest) dials A, but A admits only B.
        try (TestNode e = new TestNode(s.get(0), TestNode.freePort());
             TestNode a = new TestNode(s.get(1), TestNode.freePort());
             TestNode b = new TestNode(s.get(2), TestNode.freePort())) {
            a.start(TestNode.config(a.port).peer(b.endpoint()).build());
            b.start(TestNode.config(b.port).peer(a.endpoint()).build());
            e.start(TestNode.config(e.port).peer(a.endpoint()).build());
            TestNode.await("A scored E", Duration.ofSeconds(15), () -> a.net.peer(e.address()).isPresent()
                    && a.net.peer(e.address()).get().score() <= ScoreBook.INITIAL_SCORE - Offence.FAILED_AUTHENTICATION.points());
            TestNode.await("A–B session", Duration.ofSeconds(15), () -> a.net.connectedPeers().contains(b.address()));
            assertEquals(Set.of(b.address()), a.net.connectedPeers());
            assertTrue(e.net.connectedPeers().isEmpty());
            PeerState eView = e.net.peer(a.address()).orElseThrow().state();
            assertTrue(eView == PeerState.BACKING_OFF || eView == PeerState.CONNECTING, eView.toString());
            // E keeps redialing with backoff and is banned after enough refusals.
            TestNode.await("E banned at A", Duration.ofSeconds(20),
                    () -> a.net.peer(e.address()).orElseThrow().state() == PeerState.BANNED);
            assertFalse(a.net.connectedPeers().contains(e.address()));
        }
    }

    @Test
    void dialRefusesAnEndpointThatAuthenticatesAsAnotherSigner() {
        List<LocalNodeSigner> s = TestNode.signers(2);
        Address expected = Address.fromHex("0xffffffffffffffffffffffffffffffffffffffff"); // above A: A dials it
        try (TestNode a = new TestNode(s.get(0), TestNode.freePort()); TestNode c = new TestNode(s.get(1), TestNode.freePort())) {
            c.start(TestNode.config(c.port).build(), any -> true); // C would admit anybody
            a.start(TestNode.config(a.port).peer(new PeerEndpoint(expected, "127.0.0.1", c.port)).build());
            TestNode.await("A tried C's endpoint several times", Duration.ofSeconds(15),
                    () -> a.net.peer(expected).orElseThrow().state() == PeerState.BACKING_OFF);
            try {
                Thread.sleep(1500);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            assertTrue(a.net.connectedPeers().isEmpty(), "A holds no session with C");
            assertTrue(c.net.connectedPeers().isEmpty(), "C holds no session with A");
            assertEquals(ScoreBook.INITIAL_SCORE, a.net.peer(expected).orElseThrow().score(), "a wrong endpoint is our config, not a fault");
        }
    }
}
