package seqpool.p2p.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Bytes;
import seqpool.api.p2p.Channel;
import seqpool.api.p2p.SendResult;
import seqpool.codec.crypto.LocalNodeSigner;

/** A receiver that stops reading makes the sender's bounded queue fill: send reports QUEUE_FULL instead of blocking. */
class BackPressureTest {

    @Test
    void stalledReceiverFillsTheQueueAndDrainsAfterwards() throws Exception {
        List<LocalNodeSigner> s = TestNode.signers(2);
        try (TestNode a = new TestNode(s.get(0), TestNode.freePort()); TestNode b = new TestNode(s.get(1), TestNode.freePort())) {
            int queueBytes = 1 << 20;
            a.start(TestNode.config(a.port).maxFrameBytes(256 * 1024).sendQueue(10_000, queueBytes).peer(b.endpoint()).build());
            b.start(TestNode.config(b.port).maxFrameBytes(256 * 1024).peer(a.endpoint()).build());
            TestNode.await("session", Duration.ofSeconds(15), () -> a.net.connectedPeers().contains(b.address()));

            CountDownLatch stall = new CountDownLatch(1);
            CountDownLatch stalled = new CountDownLatch(1);
            b.net.subscribe(Channel.MPC, m -> {
                if (m.payload().size() == 1) {
                    stalled.countDown();
                    try {
                        stall.await(60, TimeUnit.SECONDS); // blocks B's only I/O thread: B stops reading
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            try {
                assertEquals(SendResult.QUEUED, a.net.send(b.address(), Channel.MPC, Bytes.of((byte) 1)));
                assertTrue(stalled.await(10, TimeUnit.SECONDS));

                byte[] chunk = new byte[64 * 1024];
                int queued = 0;
                SendResult last = null;
                for (int i = 0; i < 20_000; i++) {
                    chunk[0] = (byte) i;
                    chunk[1] = (byte) (i >>> 8);
                    last = a.net.send(b.address(), Channel.MPC, Bytes.of(chunk));
                    if (last != SendResult.QUEUED) {
                        break;
                    }
                    queued++;
                }
                assertEquals(SendResult.QUEUE_FULL, last, "after " + queued + " messages of 64 KiB");
                // The kernel may still take a few bytes off the queue (socket buffers grow), so a later send can fit
                // again; what must hold is that the queue stays bounded while B reads nothing.
                int extra = 0;
                for (int i = 0; i < 64; i++) {
                    int n = queued + extra;
                    chunk[0] = (byte) n;
                    chunk[1] = (byte) (n >>> 8);
                    last = a.net.send(b.address(), Channel.MPC, Bytes.of(chunk));
                    if (last != SendResult.QUEUED) {
                        break;
                    }
                    extra++;
                }
                assertEquals(SendResult.QUEUE_FULL, last, "stays full while stalled (" + extra + " more fitted)");
                assertTrue(extra < queueBytes / chunk.length, "queue grows while stalled: " + extra + " more messages");
                queued += extra;

                stall.countDown();
                int expected = queued;
                TestNode.await("drained", Duration.ofSeconds(60), () -> b.from(a.address(), Channel.MPC).size() == expected + 1);
                List<Integer> order = new ArrayList<>();
                b.from(a.address(), Channel.MPC).stream().skip(1)
                        .forEach(m -> order.add((m.payload().get(0) & 0xff) | (m.payload().get(1) & 0xff) << 8));
                for (int i = 0; i < order.size(); i++) {
                    assertEquals(i & 0xffff, order.get(i), "message " + i + " in order");
                }
                TestNode.await("queue empty", Duration.ofSeconds(10),
                        () -> a.net.send(b.address(), Channel.MPC, Bytes.utf8("again")) == SendResult.QUEUED);
            } finally {
                stall.countDown();
            }
        }
    }
}
