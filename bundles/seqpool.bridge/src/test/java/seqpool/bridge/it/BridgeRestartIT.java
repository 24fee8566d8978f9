package seqpool.bridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static seqpool.bridge.testing.Bridges.all;
import static seqpool.bridge.testing.Bridges.awaitCaughtUp;
import static seqpool.bridge.testing.Bridges.awaitConfirmed;
import static seqpool.bridge.testing.Bridges.kind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import seqpool.api.bridge.L1Event;
import seqpool.bridge.host.BridgeComponent;
import seqpool.bridge.testing.Await;
import seqpool.bridge.testing.Bridges;
import seqpool.bridge.testing.L1Devnet;
import seqpool.store.lmdb.LmdbKeyValueStore;
import seqpool.store.lmdb.LmdbStoreConfig;
import seqpool.store.memory.InMemoryKeyValueStore;

/**
 * On anvil and LMDB: a bridge stopped in the middle of following, with L1 moving on meanwhile, reopened on the same
 * store directory ends with exactly the record a bridge that never stopped has: every event once, nothing lost.
 */
@EnabledIfSystemProperty(named = "seqpool.anvil.binary", matches = ".+",
        disabledReason = "anvil tests run in failsafe (mvn verify), which sets seqpool.anvil.binary")
class BridgeRestartIT {
    private static final int CONFIRMATIONS = 2;
    @TempDir
    Path dir;
    private L1Devnet l1;

    @BeforeEach
    void start() throws Exception {
        l1 = L1Devnet.start("restart", dir);
    }

    @AfterEach
    void stop() {
        if (l1 != null) {
            l1.close();
        }
    }

    private static LmdbKeyValueStore openStore(Path path) throws Exception {
        return LmdbKeyValueStore.open(LmdbStoreConfig.ofMegabytes(Files.createDirectories(path), 64, 32));
    }

    @Test
    void restartOnTheSameStoreRecordsEveryEventExactlyOnce() throws Exception {
        Path storeDir = dir.resolve("store");
        // small ranges and slow polling: the first run stops with blocks still to read
        Map<String, Object> slow = Map.of("maxBlockRange", 2, "pollMs", 200L);
        List<String> locks = new ArrayList<>();
        long stoppedAt;
        try (LmdbKeyValueStore store = openStore(storeDir)) {
            BridgeComponent first = Bridges.component(l1.anvil.rpcUrl(), l1, store, CONFIRMATIONS, slow);
            try {
                locks.add(l1.lockNew().txHash());
                locks.add(l1.lockNew().txHash());
                awaitConfirmed(first, l1.contracts.deployBlock() + 4);
            } finally {
                first.deactivate();
            }
            stoppedAt = first.confirmedL1Block();
        }
        locks.add(l1.lockNew().txHash());
        locks.add(l1.lockNew().txHash());
        l1.mine(CONFIRMATIONS);
        assertTrue(stoppedAt < l1.head() - CONFIRMATIONS, "the first run stopped before the end");

        try (LmdbKeyValueStore store = openStore(storeDir)) {
            BridgeComponent second = Bridges.component(l1.anvil.rpcUrl(), l1, store, CONFIRMATIONS, slow);
            BridgeComponent reference = Bridges.component(l1.anvil.rpcUrl(), l1, new InMemoryKeyValueStore(),
                    CONFIRMATIONS, Map.of());
            try {
                assertTrue(second.confirmedL1Block() >= stoppedAt, "resumes from the stored cursor");
                List<L1Event> delivered = new CopyOnWriteArrayList<>();
                second.subscribe(0, delivered::add);
                awaitCaughtUp(second, l1, CONFIRMATIONS);
                awaitConfirmed(reference, second.confirmedL1Block());
                assertEquals(reference.confirmedL1Block(), second.confirmedL1Block());

                List<L1Event> recorded = all(second);
                assertEquals(all(reference), recorded, "same record as a bridge that never stopped");
                List<L1Event> locked = kind(recorded, "Locked");
                assertEquals(locks.size(), locked.size());
                for (String tx : locks) {
                    assertEquals(1, recorded.stream().filter(Bridges.tx(tx)).filter(e -> e.kind().equals("Locked"))
                            .count(), "Locked of " + tx);
                }
                assertEquals(recorded.size(), new HashSet<>(recorded.stream()
                        .map(e -> e.l1Block() + ":" + e.logIndex()).toList()).size(), "no position twice");
                Await.until(Bridges.WAIT, () -> delivered.size() >= recorded.size(), () -> delivered.size() + "");
                Await.quietly(Duration.ofMillis(300));
                assertEquals(recorded, delivered, "the subscriber sees each event once");
            } finally {
                second.deactivate();
                reference.deactivate();
            }
        }
    }
}
