package seqpool.bridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static seqpool.bridge.testing.Bridges.all;
import static seqpool.bridge.testing.Bridges.awaitCaughtUp;
import static seqpool.bridge.testing.Bridges.awaitConfirmed;
import static seqpool.bridge.testing.Bridges.kind;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import seqpool.api.bridge.BridgeStatus;
import seqpool.api.bridge.L1Event;
import seqpool.bridge.host.BridgeComponent;
import seqpool.bridge.testing.Await;
import seqpool.bridge.testing.Bridges;
import seqpool.bridge.testing.L1Devnet;
import seqpool.bridge.testing.LogCapture;
import seqpool.store.memory.InMemoryKeyValueStore;

/**
 * On anvil, with {@code evm_snapshot}/{@code evm_revert}: a Locked event reverted before it had N confirmations is
 * never recorded nor delivered; one reverted after it was recorded (a reorg deeper than N) stops the bridge, which
 * keeps what it recorded.
 */
@EnabledIfSystemProperty(named = "seqpool.anvil.binary", matches = ".+",
        disabledReason = "anvil tests run in failsafe (mvn verify), which sets seqpool.anvil.binary")
class BridgeReorgIT {
    @TempDir
    Path dir;
    private L1Devnet l1;
    private BridgeComponent bridge;

    @BeforeEach
    void start() throws Exception {
        l1 = L1Devnet.start("reorg", dir);
    }

    @AfterEach
    void stop() {
        if (bridge != null) {
            bridge.deactivate();
        }
        if (l1 != null) {
            l1.close();
        }
    }

    @Test
    void lockRevertedBeforeConfirmationIsNeverRecordedNorDelivered() throws Exception {
        int confirmations = 3;
        bridge = Bridges.component(l1.anvil.rpcUrl(), l1, new InMemoryKeyValueStore(), confirmations, Map.of());
        List<L1Event> delivered = new CopyOnWriteArrayList<>();
        bridge.subscribe(0, delivered::add);
        L1Devnet.Operator op = l1.operator(); // whitelist, mint, approve: stay canonical
        String snapshot = l1.snapshot();
        long forkPoint = l1.head();
        L1Devnet.Lock lock = l1.lock(op); // forkPoint + 1
        l1.mine(confirmations - 2); // the lock block has N-2 blocks on top: the reorg below is N-1 deep
        String lockBlockHash = l1.blockHash(lock.block());
        awaitConfirmed(bridge, l1.head() - confirmations);
        Await.quietly(Duration.ofMillis(300));
        assertTrue(bridge.confirmedL1Block() < lock.block());

        l1.revert(snapshot);
        assertEquals(forkPoint, l1.head());
        l1.mine(confirmations + 3); // other blocks at the same heights
        assertNotEquals(lockBlockHash, l1.blockHash(lock.block()), "the lock block was replaced");
        awaitCaughtUp(bridge, l1, confirmations);
        assertTrue(bridge.confirmedL1Block() >= lock.block() + 2, "the bridge read past the reverted heights");
        Await.quietly(Duration.ofMillis(300));

        List<L1Event> recorded = all(bridge);
        assertTrue(kind(recorded, "Locked").isEmpty(), "the reverted Locked was recorded: " + recorded);
        assertTrue(recorded.stream().noneMatch(Bridges.tx(lock.txHash())));
        assertEquals(1, kind(recorded, "WhitelistUpdated").size(), "the canonical events before the fork stay");
        Await.until(Bridges.WAIT, () -> delivered.size() == recorded.size(), () -> delivered.size() + " delivered");
        assertTrue(kind(delivered, "Locked").isEmpty(), "the reverted Locked was delivered");
        BridgeStatus s = bridge.status();
        assertTrue(s.healthy(), "a reorg shallower than the confirmations is no error: " + s);
    }

    @Test
    void reorgDeeperThanConfirmationsStopsTheBridgeAndKeepsTheRecord() throws Exception {
        int confirmations = 2;
        bridge = Bridges.component(l1.anvil.rpcUrl(), l1, new InMemoryKeyValueStore(), confirmations, Map.of());
        L1Devnet.Operator op = l1.operator();
        String snapshot = l1.snapshot();
        L1Devnet.Lock lock = l1.lock(op);
        l1.mine(confirmations + 1);
        awaitCaughtUp(bridge, l1, confirmations);
        List<L1Event> before = all(bridge);
        assertEquals(1, kind(before, "Locked").size());
        long cursor = bridge.confirmedL1Block();
        assertTrue(cursor > lock.block());

        try (LogCapture log = new LogCapture(Class.forName("seqpool.bridge.host.BridgeLoop"))) {
            l1.revert(snapshot); // 1 + N + 1 blocks gone, among them recorded ones
            l1.mine(10);
            Await.until(Bridges.WAIT, () -> !bridge.status().healthy(), () -> "status " + bridge.status());
            l1.mine(5);
            Await.quietly(Duration.ofMillis(500));
            BridgeStatus s = bridge.status();
            assertTrue(s.lastError().contains("reorg deeper than 2 confirmations"), s.lastError());
            assertTrue(s.lastErrorAtMillis() > 0);
            assertEquals(cursor, s.confirmedL1Block(), "stopped advancing");
            assertEquals(cursor, bridge.confirmedL1Block());
            assertEquals(before, all(bridge), "recorded events are neither deleted nor rewritten");
            assertTrue(bridge.running(), "the thread lives on and serves");
            List<LogCapture.Line> errors = log.at(Level.SEVERE);
            assertEquals(1, errors.size(), "one clear ERROR: " + log.all());
            assertTrue(errors.get(0).message().contains("stopped advancing at L1 block " + cursor),
                    errors.get(0).message());
            List<L1Event> late = new CopyOnWriteArrayList<>();
            bridge.subscribe(0, late::add);
            Await.until(Bridges.WAIT, () -> late.size() == before.size(), () -> late.size() + " delivered");
            assertFalse(late.isEmpty());
        }
    }
}
