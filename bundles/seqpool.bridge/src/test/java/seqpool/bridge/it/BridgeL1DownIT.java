package seqpool.bridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static seqpool.bridge.testing.Bridges.all;
import static seqpool.bridge.testing.Bridges.awaitCaughtUp;
import static seqpool.bridge.testing.Bridges.awaitConfirmed;
import static seqpool.bridge.testing.Bridges.kind;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import seqpool.api.bridge.BridgeStatus;
import seqpool.bridge.host.BridgeComponent;
import seqpool.bridge.l1.RetryingL1Chain;
import seqpool.bridge.testing.Await;
import seqpool.bridge.testing.Bridges;
import seqpool.bridge.testing.L1Devnet;
import seqpool.bridge.testing.LogCapture;
import seqpool.bridge.testing.TcpProxy;
import seqpool.store.memory.InMemoryKeyValueStore;

/**
 * On anvil behind a TCP proxy that goes down and comes back: the bridge retries, reports the error in its status,
 * logs one WARN for the outage and one INFO on recovery, keeps its thread, and records what L1 did meanwhile.
 */
@EnabledIfSystemProperty(named = "seqpool.anvil.binary", matches = ".+",
        disabledReason = "anvil tests run in failsafe (mvn verify), which sets seqpool.anvil.binary")
class BridgeL1DownIT {
    private static final int CONFIRMATIONS = 2;
    @TempDir
    Path dir;
    private L1Devnet l1;
    private TcpProxy proxy;
    private BridgeComponent bridge;

    @BeforeEach
    void start() throws Exception {
        l1 = L1Devnet.start("l1down", dir);
        proxy = new TcpProxy(l1.anvil.port());
    }

    @AfterEach
    void stop() throws Exception {
        if (bridge != null) {
            bridge.deactivate();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (l1 != null) {
            l1.close();
        }
    }

    @Test
    void l1OutageIsRetriedReportedAndRecoveredFrom() throws Exception {
        bridge = Bridges.component(proxy.url(), l1, new InMemoryKeyValueStore(), CONFIRMATIONS, Map.of());
        l1.mine(CONFIRMATIONS);
        awaitCaughtUp(bridge, l1, CONFIRMATIONS);
        assertTrue(bridge.status().healthy());
        long before = bridge.confirmedL1Block();

        try (LogCapture log = new LogCapture(RetryingL1Chain.class)) {
            proxy.down();
            L1Devnet.Lock lock = l1.lockNew(); // L1 moves on; the bridge cannot see it
            l1.mine(CONFIRMATIONS + 2);
            Await.until(Bridges.WAIT, () -> !bridge.status().healthy(), () -> "status " + bridge.status());
            Await.quietly(Duration.ofMillis(1500)); // several retries with backoff
            BridgeStatus down = bridge.status();
            assertTrue(down.lastError().contains(proxy.url()), down.lastError());
            assertTrue(down.lastErrorAtMillis() > 0);
            assertEquals(before, down.confirmedL1Block());
            assertTrue(bridge.running(), "no thread death");
            assertTrue(kind(all(bridge), "Locked").isEmpty());
            List<LogCapture.Line> warnings = log.at(Level.WARNING);
            assertEquals(1, warnings.size(), "one WARN per failure streak: " + log.all());
            assertTrue(warnings.get(0).message().contains(proxy.url()), warnings.get(0).message());
            assertFalse(warnings.get(0).hasThrowable(), "no stack trace at WARN");
            assertTrue(log.all().stream().filter(l -> l.level().equals(Level.FINE)).count() >= 2,
                    "retried several times: " + log.all());

            proxy.up();
            awaitConfirmed(bridge, lock.block());
            Await.until(Bridges.WAIT, () -> bridge.status().healthy(), () -> "status " + bridge.status());
            assertEquals(1, kind(all(bridge), "Locked").size());
            List<LogCapture.Line> infos = log.at(Level.INFO);
            assertEquals(1, infos.size(), log.all().toString());
            assertTrue(infos.get(0).message().contains("recovered"), infos.get(0).message());
            assertEquals(1, log.at(Level.WARNING).size());
            assertEquals(0, bridge.status().lastErrorAtMillis());
            assertEquals(l1.head(), bridge.status().l1Head());
        }
    }
}
