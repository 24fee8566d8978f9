package seqpool.bridge.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import seqpool.api.bridge.BridgeStatus;
import seqpool.bridge.testing.Await;
import seqpool.bridge.testing.Configs;
import seqpool.store.memory.InMemoryKeyValueStore;

/** The DS component built as SCR builds it (config + store), against an L1 URL where nothing listens. */
class BridgeComponentTest {
    @TempDir
    Path dir;
    private Path contractsFile;

    @BeforeEach
    void writeContracts() throws Exception {
        contractsFile = dir.resolve("contracts.yaml");
        BridgeServiceTest.DEPLOYED.writeTo(contractsFile);
    }

    private Map<String, Object> config(String rpcUrl) {
        Map<String, Object> m = new HashMap<>();
        m.put("rpcUrl", rpcUrl);
        m.put("contractsFile", contractsFile.toString());
        m.put("pollMs", 50L);
        m.put("backoffMinMs", 20L);
        m.put("backoffMaxMs", 200L);
        return m;
    }

    @Test
    void unreachableL1IsReportedAndDeactivationStopsCleanly() throws Exception {
        String url = "http://127.0.0.1:" + Configs.closedPort();
        BridgeComponent c = new BridgeComponent(Configs.bridge(config(url)), new InMemoryKeyValueStore());
        try {
            Await.until(Duration.ofSeconds(10), () -> !c.status().healthy(), () -> "status " + c.status());
            Await.quietly(Duration.ofMillis(300));
            BridgeStatus s = c.status();
            assertTrue(s.lastError().contains(url), s.lastError());
            assertTrue(s.lastError().contains("eth_chainId"), s.lastError());
            assertEquals(12, s.confirmations(), "default confirmations");
            assertEquals(-1, s.l1Head());
            assertEquals(BridgeServiceTest.DEPLOYED.deployBlock() - 1, c.confirmedL1Block());
            assertTrue(c.running());
            assertTrue(c.events(0, Long.MAX_VALUE).isEmpty());
        } finally {
            c.deactivate();
        }
        assertFalse(c.running());
        assertFalse(Await.bridgeThreadAlive());
    }

    @ParameterizedTest(name = "{0}={1} is refused")
    @CsvSource({
        "confirmations, 0, confirmations",
        "confirmations, 10001, confirmations",
        "maxBlockRange, 0, maxBlockRange",
        "pollMs, 1, pollMs",
        "startBlock, -2, startBlock",
        "backoffMinMs, 500, backoff",
        "rpcUrl, ws://127.0.0.1:8545, rpcUrl",
        "contractsFile, '', contractsFile",
    })
    void badConfigurationFailsActivationNamingTheKey(String key, String value, String named) {
        Map<String, Object> m = config("http://127.0.0.1:8545");
        Object typed = switch (key) {
            case "confirmations", "maxBlockRange" -> Integer.valueOf(value);
            case "pollMs", "startBlock", "backoffMinMs" -> Long.valueOf(value);
            default -> value;
        };
        m.put(key, typed);
        if (key.equals("backoffMinMs")) {
            m.put("backoffMaxMs", 100L);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BridgeComponent(Configs.bridge(m), new InMemoryKeyValueStore()));
        assertTrue(e.getMessage().contains(named), e.getMessage());
        assertFalse(Await.bridgeThreadAlive());
    }

    @Test
    void missingContractsFileFailsActivation() {
        Map<String, Object> m = config("http://127.0.0.1:8545");
        m.put("contractsFile", dir.resolve("absent.yaml").toString());
        assertThrows(NoSuchFileException.class, () -> new BridgeComponent(Configs.bridge(m),
                new InMemoryKeyValueStore()));
    }

    @Test
    void startBlockDefaultsToTheDeployBlock() throws Exception {
        Map<String, Object> m = config("http://127.0.0.1:8545");
        assertEquals(BridgeServiceTest.DEPLOYED.deployBlock(), BridgeSettings.from(Configs.bridge(m)).startBlock());
        m.put("startBlock", 77L);
        assertEquals(77, BridgeSettings.from(Configs.bridge(m)).startBlock());
    }
}
