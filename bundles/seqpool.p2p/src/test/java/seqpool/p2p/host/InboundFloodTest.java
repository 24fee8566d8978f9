package seqpool.p2p.host;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Bytes;
import seqpool.api.p2p.Channel;
import seqpool.api.p2p.SendResult;
import seqpool.codec.crypto.LocalNodeSigner;

/**
 * An authenticated peer that streams without limit gets its share and no more: what it sends beyond its inbound
 * share is dropped unread, and it is penalized for it once a second, so its score falls (and it is banned once it
 * reaches 0).
 */
class InboundFloodTest {
    @Test
    void aFloodingPeerIsCutToItsShareAndScoredDown() throws Exception {
        List<LocalNodeSigner> s = TestNode.signers(2);
        long rate = 256 * 1024;
        long burst = 512 * 1024;
        try (TestNode a = new TestNode(s.get(0), TestNode.freePort()); TestNode b = new TestNode(s.get(1), TestNode.freePort())) {
            a.start(TestNode.config(a.port).maxFrameBytes(256 * 1024).sendQueue(100_000, 64 << 20).peer(b.endpoint())
                    .build());
            b.start(TestNode.config(b.port).maxFrameBytes(256 * 1024).inbound(rate, burst).peer(a.endpoint()).build());
            TestNode.await("session", Duration.ofSeconds(15), () -> a.net.connectedPeers().contains(b.address()));

            byte[] chunk = new byte[64 * 1024];
            long start = System.nanoTime();
            long sent = 0;
            while (System.nanoTime() - start < 3_000_000_000L) {
                if (a.net.send(b.address(), Channel.MPC, Bytes.of(chunk)) == SendResult.QUEUED) {
                    sent += chunk.length;
                } else {
                    Thread.sleep(1);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9 + 1; // the last frames may still be on their way
            Thread.sleep(1_000);
            long received = b.from(a.address(), Channel.MPC).size() * (long) chunk.length;
            assertTrue(sent > 4 * (burst + rate * seconds), "the flood really exceeds the share: sent " + sent);
            assertTrue(received <= burst + rate * seconds + chunk.length,
                    "received " + received + " bytes of " + sent + ": at most the burst plus the rate");
            assertTrue(received > 0, "the share itself gets through");
            int score = b.net.peerScores().score(a.address());
            assertTrue(score <= 100 - 2 * 10, "charged once a second while over its share: score " + score);
        }
    }
}
