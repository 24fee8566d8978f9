package seqpool.consensus.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Bytes;
import seqpool.api.consensus.CheckTxResult;
import seqpool.api.p2p.Channel;
import seqpool.api.p2p.P2pNetwork;
import seqpool.api.trace.TraceSink;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.consensus.node.SignatureVerifier;
import seqpool.consensus.testing.InMemoryNetworkHub;
import seqpool.store.memory.InMemoryKeyValueStore;

/** The event queue is bounded for peer messages; local timers and commands still run. */
class ConsensusHostQueueTest {
    @Test
    void aFloodWhileTheEventThreadIsBusyIsDroppedAndCountedButTimersRun() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HostFixture.RecordingApp app = new HostFixture.RecordingApp() {
            @Override
            public CheckTxResult checkTx(Bytes tx) {
                if (tx.equals(Bytes.utf8("t-slow"))) {
                    entered.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return super.checkTx(tx);
            }
        };
        List<LocalNodeSigner> keys = HostFixture.signers(4, 9);
        LocalNodeSigner flooder = HostFixture.signers(2, 10).get(1); // not a validator
        List<ConsensusHost> hosts = new java.util.ArrayList<>();
        try (InMemoryNetworkHub hub = new InMemoryNetworkHub()) {
            P2pNetwork net = hub.join(keys.get(0).address());
            for (int i = 0; i < 4; i++) {
                LocalNodeSigner k = keys.get(i);
                hosts.add(new ConsensusHost(HostFixture.config(300, 150, 100), k, SignatureVerifier.SECP256K1,
                        new InMemoryKeyValueStore(), i == 0 ? app : new HostFixture.RecordingApp(), HostFixture.genesis(keys),
                        i == 0 ? net : hub.join(k.address()), TraceSink.NONE, Map.of()));
            }
            P2pNetwork peer = hub.join(flooder.address());
            ConsensusHost h = hosts.get(0);
            h.maxQueuedPeerMessages(5);
            hosts.forEach(ConsensusHost::start);
            ConsensusHostTest.await("a first block", 20_000, () -> h.committedHeight() >= 1);
            Thread slow = new Thread(() -> h.submit(Bytes.utf8("t-slow")));
            slow.start();
            assertTrue(entered.await(5, TimeUnit.SECONDS), "the event thread is busy in checkTx");
            for (int i = 0; i < 50; i++) {
                peer.send(keys.get(0).address(), Channel.CONSENSUS, Bytes.of((byte) 99)); // malformed: penalized if processed
            }
            Thread.sleep(500); // the transport hands them over (and the other validators' messages)
            long height = h.committedHeight();
            release.countDown();
            slow.join(5_000);
            ConsensusHostTest.await("the flooded host still decides (its timers ran)", 20_000, () -> h.committedHeight() >= height + 2);
            assertTrue(h.droppedPeerMessages() >= 45, "at most 5 queued: dropped " + h.droppedPeerMessages());
            int score = net.peer(flooder.address()).orElseThrow().score();
            assertTrue(score >= 100 - 5 * 10, "at most the 5 queued messages were processed (10 points each): score " + score);
        } finally {
            hosts.forEach(ConsensusHost::close);
        }
    }

    @Test
    void theDropCounterIsAConsensusMetric() {
        ConsensusMetrics m = new ConsensusMetrics(TraceSink.NONE);
        m.droppedMessages(() -> 45);
        Map<String, Double> counters = new java.util.HashMap<>();
        m.collect(new seqpool.api.metrics.MetricSink() {
            @Override
            public void gauge(String name, String help, Map<String, String> labels, double value) {
            }

            @Override
            public void counter(String name, String help, Map<String, String> labels, double value) {
                counters.merge(name, value, Double::sum);
            }

            @Override
            public void histogram(String name, String help, Map<String, String> labels,
                    seqpool.api.metrics.HistogramSnapshot histogram) {
            }
        });
        assertEquals(45.0, counters.get("seqpool_consensus_dropped_messages"));
    }
}
