package seqpool.p2p.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import seqpool.api.common.Bytes;
import seqpool.api.p2p.Channel;
import seqpool.api.p2p.PeerState;
import seqpool.api.p2p.SendResult;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.p2p.peer.Offence;
import seqpool.p2p.peer.PeerEndpoint;
import seqpool.p2p.peer.ScoreBook;
import seqpool.p2p.tls.TlsIdentity;
import seqpool.p2p.tls.TlsTestCertificates;

/**
 * Node A with honest peers B and C, attacked by raw-TCP and TLS clients and by an authorized rogue peer R. Every
 * attacker is disconnected and scored; B and C keep exchanging messages with A throughout.
 */
class HostilePeerTest {
    private static final int MAX_FRAME = 64 * 1024;
    private TestNode a;
    private TestNode b;
    private TestNode c;
    private LocalNodeSigner rogue;
    private int sent;

    @BeforeEach
    void start() {
        List<LocalNodeSigner> s = TestNode.signers(4);
        a = new TestNode(s.get(0), TestNode.freePort());
        b = new TestNode(s.get(1), TestNode.freePort());
        c = new TestNode(s.get(2), TestNode.freePort());
        rogue = s.get(3);
        // A admits R (configured, at an endpoint where nothing listens) so R can authenticate and then misbehave.
        a.start(TestNode.config(a.port).maxFrameBytes(MAX_FRAME).sendQueue(1024, 1 << 20).peer(b.endpoint())
                .peer(c.endpoint()).peer(new PeerEndpoint(rogue.address(), "127.0.0.1", TestNode.freePort())).build());
        b.start(TestNode.config(b.port).peer(a.endpoint()).build());
        c.start(TestNode.config(c.port).peer(a.endpoint()).build());
        TestNode.await("A connected to B and C", Duration.ofSeconds(15),
                () -> a.net.connectedPeers().containsAll(List.of(b.address(), c.address())));
    }

    @AfterEach
    void stop() {
        for (TestNode n : List.of(a, b, c)) {
            n.close();
        }
    }

    private void honestPeersStillExchange() {
        sent++;
        Bytes payload = Bytes.utf8("still alive " + sent);
        assertEquals(SendResult.QUEUED, a.net.send(b.address(), Channel.CONSENSUS, payload));
        assertEquals(SendResult.QUEUED, c.net.send(a.address(), Channel.MPC, payload));
        TestNode.await("honest traffic " + sent, Duration.ofSeconds(10),
                () -> b.from(a.address(), Channel.CONSENSUS).size() == sent && a.from(c.address(), Channel.MPC).size() == sent);
        assertTrue(a.net.connectedPeers().containsAll(List.of(b.address(), c.address())));
        assertEquals(100, a.net.peer(b.address()).orElseThrow().score());
        assertEquals(100, a.net.peer(c.address()).orElseThrow().score());
    }

    @Test
    void rawTcpGarbageIsDisconnectedAndScoredAgainstTheHost() throws IOException {
        try (RogueClient raw = RogueClient.plain(a.port)) {
            byte[] junk = new byte[2000];
            new Random(1).nextBytes(junk);
            raw.write(junk);
            assertTrue(raw.closedByPeer(Duration.ofSeconds(10)));
        }
        TestNode.await("host scored", Duration.ofSeconds(5),
                () -> a.net.hostScore("127.0.0.1") <= ScoreBook.INITIAL_SCORE - Offence.HANDSHAKE_FAILURE.points());
        honestPeersStillExchange();
    }

    @Test
    void tlsClientWithoutTheExtensionIsRefused() throws Exception {
        KeyPair pair = TlsTestCertificates.p256();
        boolean closed;
        try (RogueClient tls = RogueClient.tls(a.port, pair.getPrivate(), TlsTestCertificates.withoutExtension(pair))) {
            closed = tls.closedByPeer(Duration.ofSeconds(10));
        } catch (javax.net.ssl.SSLException e) {
            closed = true; // refused during the handshake
        }
        assertTrue(closed);
        TestNode.await("host scored", Duration.ofSeconds(5), () -> a.net.hostScore("127.0.0.1") < ScoreBook.INITIAL_SCORE);
        honestPeersStillExchange();
    }

    @Test
    void tlsClientWhoseSignatureCoversAnotherKeyIsRefused() throws Exception {
        KeyPair pair = TlsTestCertificates.p256();
        boolean closed;
        try (RogueClient tls = RogueClient.tls(a.port, pair.getPrivate(), TlsTestCertificates.signedOverOtherKey(pair, rogue))) {
            closed = tls.closedByPeer(Duration.ofSeconds(10));
        } catch (javax.net.ssl.SSLException e) {
            closed = true;
        }
        assertTrue(closed);
        TestNode.await("host scored", Duration.ofSeconds(5), () -> a.net.hostScore("127.0.0.1") < ScoreBook.INITIAL_SCORE);
        assertEquals(ScoreBook.INITIAL_SCORE, a.net.peer(rogue.address()).orElseThrow().score(), "an unproven claim costs the claimed signer nothing");
        honestPeersStillExchange();
    }

    @Test
    void authorizedRogueIsScoredForEachFaultThenBanned() throws Exception {
        TlsIdentity id = TlsIdentity.create(rogue, Clock.systemUTC(), TestNode.RANDOM);

        // 1. unknown channel id: frame dropped, -10, session stays open
        try (RogueClient r = RogueClient.tls(a.port, id.privateKey(), id.certificate())) {
            r.sendHello();
            TestNode.await("rogue connected", Duration.ofSeconds(5), () -> a.net.connectedPeers().contains(rogue.address()));
            r.sendFrame(42, new byte[] {1, 2, 3});
            TestNode.await("scored", Duration.ofSeconds(5), () -> a.net.peer(rogue.address()).orElseThrow().score() == 90);
            assertTrue(r.staysOpen(Duration.ofMillis(300)));
            // 2. oversized frame: -50, disconnected
            r.write(new byte[] {0, 1, 0, 3}); // announces 65539 bytes > 65536
            assertTrue(r.closedByPeer(Duration.ofSeconds(10)));
        }
        TestNode.await("scored", Duration.ofSeconds(5), () -> a.net.peer(rogue.address()).orElseThrow().score() == 40);
        TestNode.await("rogue dropped", Duration.ofSeconds(5), () -> !a.net.connectedPeers().contains(rogue.address()));
        honestPeersStillExchange();

        // 3. a frame shorter than its channel id: -50 → score ≤ 0 → banned
        try (RogueClient r = RogueClient.tls(a.port, id.privateKey(), id.certificate())) {
            r.sendHello();
            r.write(new byte[] {0, 0, 0, 1, 7});
            assertTrue(r.closedByPeer(Duration.ofSeconds(10)));
        }
        TestNode.await("banned", Duration.ofSeconds(5), () -> a.net.peer(rogue.address()).orElseThrow().state() == PeerState.BANNED);
        honestPeersStillExchange();

        // 4. a banned peer cannot open a session any more
        assertThrows(IOException.class, () -> {
            try (RogueClient r = RogueClient.tls(a.port, id.privateKey(), id.certificate())) {
                r.sendHello();
                if (r.closedByPeer(Duration.ofSeconds(10))) {
                    throw new IOException("closed");
                }
            }
        });
        assertFalse(a.net.connectedPeers().contains(rogue.address()));
        honestPeersStillExchange();
    }

    @Test
    void protocolPenaltyBansOnlyThatPeer() {
        a.net.penalize(b.address(), 30, "invalid vote signature");
        assertEquals(70, a.net.peer(b.address()).orElseThrow().score());
        assertTrue(a.net.connectedPeers().contains(b.address()));
        a.net.penalize(b.address(), 70, "equivocation");
        TestNode.await("B dropped", Duration.ofSeconds(5), () -> !a.net.connectedPeers().contains(b.address()));
        assertEquals(PeerState.BANNED, a.net.peer(b.address()).orElseThrow().state());
        assertEquals(SendResult.NOT_CONNECTED, a.net.send(b.address(), Channel.CONSENSUS, Bytes.utf8("x")));
        assertThrows(IllegalArgumentException.class, () -> a.net.penalize(c.address(), 0, "nothing"));
        assertEquals(SendResult.QUEUED, c.net.send(a.address(), Channel.MPC, Bytes.utf8("c still here")));
        TestNode.await("C still delivers", Duration.ofSeconds(5), () -> a.from(c.address(), Channel.MPC).size() == 1);
        assertEquals(100, a.net.peer(c.address()).orElseThrow().score());
    }
}
