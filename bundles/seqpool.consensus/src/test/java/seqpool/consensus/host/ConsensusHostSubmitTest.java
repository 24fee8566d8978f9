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
import seqpool.api.consensus.SubmitOutcome;
import seqpool.api.consensus.SubmitResult;
import seqpool.api.trace.TraceSink;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.consensus.node.SignatureVerifier;
import seqpool.consensus.testing.InMemoryNetworkHub;
import seqpool.store.memory.InMemoryKeyValueStore;

/** submit answers ACCEPTED only once checkTx accepted the transaction and it is in the mempool. */
class ConsensusHostSubmitTest {
    static ConsensusHost host(InMemoryNetworkHub hub, HostFixture.RecordingApp app) throws Exception {
        List<LocalNodeSigner> keys = HostFixture.signers(4, 7); // 4 validators, only one runs: nothing commits
        LocalNodeSigner k = keys.get(0);
        ConsensusHost h = new ConsensusHost(HostFixture.config(60_000, 60_000, 0), k, SignatureVerifier.SECP256K1,
                new InMemoryKeyValueStore(), app, HostFixture.genesis(keys), hub.join(k.address()), TraceSink.NONE, Map.of());
        h.start();
        return h;
    }

    @Test
    void rejectedByCheckTxIsRejectedWithTheReason() throws Exception {
        try (InMemoryNetworkHub hub = new InMemoryNetworkHub(); ConsensusHost h = host(hub, new HostFixture.RecordingApp())) {
            assertEquals(SubmitResult.REJECTED, h.submit(Bytes.utf8("x-not-a-test-tx")));
            SubmitOutcome o = h.offer(Bytes.utf8("x-other"));
            assertEquals(SubmitResult.REJECTED, o.result());
            assertTrue(o.reason().contains("not a test tx"), o.reason());
            assertEquals(SubmitResult.ACCEPTED, h.submit(Bytes.utf8("t-1")));
            assertEquals(SubmitResult.DUPLICATE, h.submit(Bytes.utf8("t-1")), "checked and in the mempool already");
        }
    }

    @Test
    void aBusyEngineAnswersRetryLaterAndDropsTheTransaction() throws Exception {
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
        try (InMemoryNetworkHub hub = new InMemoryNetworkHub(); ConsensusHost h = host(hub, app)) {
            h.submitWaitMs(200);
            Thread slow = new Thread(() -> h.submit(Bytes.utf8("t-slow")));
            slow.start();
            assertTrue(entered.await(5, TimeUnit.SECONDS));
            SubmitOutcome o = h.offer(Bytes.utf8("t-waiting")); // the event thread is stuck in checkTx
            assertEquals(SubmitResult.MEMPOOL_FULL, o.result(), o.reason());
            release.countDown();
            slow.join(5_000);
            assertEquals(SubmitResult.ACCEPTED, h.submit(Bytes.utf8("t-waiting")), "the timed-out offer was dropped");
        }
    }
}
