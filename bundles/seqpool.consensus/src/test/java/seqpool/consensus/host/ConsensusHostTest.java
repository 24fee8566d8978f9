package seqpool.consensus.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Bytes;
import seqpool.api.consensus.CommittedBlock;
import seqpool.api.consensus.SubmitResult;
import seqpool.api.trace.TraceSink;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.consensus.node.SignatureVerifier;
import seqpool.consensus.testing.InMemoryNetworkHub;
import seqpool.store.memory.InMemoryKeyValueStore;

/** Four hosts with real secp256k1 keys on the in-memory network: they commit, agree, include submitted txs. */
class ConsensusHostTest {
    static void await(String what, long ms, BooleanSupplier cond) throws InterruptedException {
        long end = System.nanoTime() + ms * 1_000_000;
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void fourHostsCommitAndAgreeAndSurviveOneLoss() throws Exception {
        List<LocalNodeSigner> keys = HostFixture.signers(4, 1);
        List<ConsensusHost> hosts = new ArrayList<>();
        List<HostFixture.RecordingApp> apps = new ArrayList<>();
        List<CommittedBlock> followed = new CopyOnWriteArrayList<>();
        try (InMemoryNetworkHub hub = new InMemoryNetworkHub()) {
            for (LocalNodeSigner k : keys) {
                HostFixture.RecordingApp app = new HostFixture.RecordingApp();
                apps.add(app);
                ConsensusHost h = new ConsensusHost(HostFixture.config(300, 150, 100), k, SignatureVerifier.SECP256K1,
                        new InMemoryKeyValueStore(), app, HostFixture.genesis(keys), hub.join(k.address()), TraceSink.NONE, Map.of());
                hosts.add(h);
            }
            hosts.forEach(ConsensusHost::start);
            hosts.get(0).follow(1, followed::add);
            for (int i = 0; i < 50; i++) {
                assertEquals(SubmitResult.ACCEPTED, hosts.get(i % 4).submit(Bytes.utf8("tx-" + i)));
            }
            await("5 blocks everywhere", 30_000, () -> hosts.stream().allMatch(h -> h.committedHeight() >= 5));
            await("all txs committed", 30_000, () -> apps.get(0).txHeights.size() == 50);

            // one validator goes away: 3 of 4 still decide
            long before = hosts.get(1).committedHeight();
            hub.disconnect(keys.get(3).address());
            hosts.get(3).close();
            await("progress with 3 of 4", 30_000, () -> hosts.get(1).committedHeight() >= before + 3);

            for (long h = 1; h <= 5; h++) {
                for (HostFixture.RecordingApp a : apps) {
                    assertEquals(apps.get(0).blockIds.get(h), a.blockIds.get(h), "agreement at height " + h);
                }
            }
            assertTrue(followed.size() >= 5);
            for (int i = 0; i < followed.size(); i++) {
                assertEquals(i + 1, followed.get(i).height(), "follow delivers in height order");
            }
            assertTrue(hosts.get(0).block(2).isPresent());
        } finally {
            hosts.forEach(ConsensusHost::close);
        }
    }
}
