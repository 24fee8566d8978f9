package seqpool.bridge.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;

import seqpool.api.bridge.BridgeStatus;
import seqpool.api.bridge.L1Event;
import seqpool.api.common.Address;
import seqpool.api.common.Hash32;
import seqpool.bridge.l1.Backoff;
import seqpool.bridge.testing.Await;
import seqpool.bridge.testing.FailingStore;
import seqpool.bridge.testing.FakeL1Chain;
import seqpool.bridge.testing.LogCapture;
import seqpool.contracts.deploy.DeployedContracts;
import seqpool.contracts.wrappers.LockingPool;
import seqpool.store.memory.InMemoryKeyValueStore;

/** The assembled bridge and its thread, against the in-memory L1 and store. */
class BridgeServiceTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Hash32 LOCKED = Hash32.fromHex(EventEncoder.encode(LockingPool.LOCKED_EVENT));
    static final DeployedContracts DEPLOYED = new DeployedContracts(31337, 0,
            "0x00000000000000000000000000000000000000a0", "0x00000000000000000000000000000000000000a1",
            "0x00000000000000000000000000000000000000a2", "0x00000000000000000000000000000000000000a3",
            "0x00000000000000000000000000000000000000a4", "0x00000000000000000000000000000000000000a5",
            "0x00000000000000000000000000000000000000a6");
    private static final Address POOL = Address.fromHex(DEPLOYED.lockingPool());

    private FakeL1Chain chain;
    private FailingStore store;
    private final List<BridgeService> services = new ArrayList<>();

    @BeforeEach
    void setUp() {
        chain = new FakeL1Chain(31337);
        store = new FailingStore(new InMemoryKeyValueStore());
    }

    @AfterEach
    void tearDown() {
        services.forEach(BridgeService::close);
        assertFalse(Await.bridgeThreadAlive(), "close() ends the seqpool-bridge thread");
    }

    private BridgeService start(DeployedContracts contracts, int confirmations) throws Exception {
        BridgeSettings s = new BridgeSettings("http://127.0.0.1:1/secret", contracts, confirmations, 20, 0, 5,
                new Backoff(20, 100));
        BridgeService service = BridgeService.start(s, store, chain);
        services.add(service);
        return service;
    }

    private static FakeL1Chain.LogSpec locked(int seq) {
        return FakeL1Chain.log(POOL, LOCKED, FakeL1Chain.topic("seq " + seq));
    }

    private void awaitConfirmed(BridgeService b, long block) {
        Await.until(WAIT, () -> b.confirmedL1Block() >= block, () -> "confirmed " + b.status() + ", want " + block);
    }

    @Test
    void recordsServesReadsAndDeliversSubscriptionsOnTheBridgeThread() throws Exception {
        for (int i = 0; i < 12; i++) {
            chain.mine(locked(i));
        }
        BridgeService b = start(DEPLOYED, 2);
        List<L1Event> got = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        b.subscribe(0, e -> {
            got.add(e);
            threads.add(Thread.currentThread().getName());
        });
        awaitConfirmed(b, 10);
        assertEquals(10, b.events(0, 100).size());
        assertTrue(b.events(0, 100).stream().allMatch(e -> e.kind().equals("Locked")));
        assertEquals(b.events(4, 4), b.eventsAfter(3, 0, 1));
        Await.until(WAIT, () -> got.size() == 10, () -> "delivered " + got.size());
        chain.mine(locked(99)); // 13; blocks 11 and 12 hold events too
        chain.mineEmpty(2);
        awaitConfirmed(b, 13);
        Await.until(WAIT, () -> got.size() == 13, () -> "delivered " + got.size());
        Await.quietly(Duration.ofMillis(200));
        assertEquals(13, got.size());
        assertEquals(b.events(0, 100), got);
        assertEquals(got.size(), new HashSet<>(got).size());
        assertTrue(threads.stream().allMatch("seqpool-bridge"::equals), threads.toString());
        BridgeStatus s = b.status();
        assertTrue(s.healthy(), s.toString());
        assertEquals(2, s.confirmations());
        assertEquals(chain.head(), s.l1Head());
        assertEquals(13, s.confirmedL1Block());
    }

    @Test
    void l1DownShowsInStatusNeverKillsTheThreadAndRecovers() throws Exception {
        chain.mine(locked(1));
        chain.mineEmpty(3);
        chain.down(true);
        try (LogCapture log = new LogCapture(seqpool.bridge.l1.RetryingL1Chain.class)) {
            BridgeService b = start(DEPLOYED, 1);
            Await.until(WAIT, () -> !b.status().healthy(), () -> "status " + b.status());
            Await.quietly(Duration.ofMillis(300));
            BridgeStatus down = b.status();
            assertTrue(down.lastError().contains("Connection refused"), down.lastError());
            assertTrue(down.lastError().contains("http://127.0.0.1:1/…"), down.lastError());
            assertTrue(down.lastErrorAtMillis() > 0);
            assertEquals(-1, down.confirmedL1Block());
            assertTrue(b.running());
            assertEquals(1, log.at(Level.WARNING).size(), log.all().toString());
            chain.down(false);
            awaitConfirmed(b, 3);
            Await.until(WAIT, () -> b.status().healthy(), () -> "status " + b.status());
            assertEquals(1, b.events(0, 10).size());
            assertEquals(1, log.at(Level.INFO).size(), log.all().toString());
        }
    }

    @Test
    void throwingSubscriberDoesNotStopTheBridge() throws Exception {
        chain.mine(locked(1));
        chain.mine(locked(2));
        chain.mineEmpty(1);
        BridgeService b = start(DEPLOYED, 1);
        List<L1Event> thrown = new CopyOnWriteArrayList<>();
        List<L1Event> good = new CopyOnWriteArrayList<>();
        b.subscribe(0, e -> {
            thrown.add(e);
            throw new IllegalStateException("subscriber bug");
        });
        b.subscribe(0, good::add);
        awaitConfirmed(b, 2);
        chain.mine(locked(3));
        chain.mine();
        awaitConfirmed(b, 4);
        Await.until(WAIT, () -> good.size() == 3 && thrown.size() == 3, () -> good + " / " + thrown);
        assertEquals(good, thrown, "the throwing subscriber still got every event once");
        assertTrue(b.running());
    }

    @Test
    void reorgDeeperThanConfirmationsStopsAdvancingAndKeepsServing() throws Exception {
        chain.mineEmpty(2);
        chain.mine(locked(1)); // 3
        chain.mineEmpty(3);
        try (LogCapture log = new LogCapture(BridgeLoop.class)) {
            BridgeService b = start(DEPLOYED, 2);
            awaitConfirmed(b, 4);
            List<L1Event> before = b.events(0, 100);
            assertEquals(1, before.size());
            chain.reorg(4, 8);
            Await.until(WAIT, () -> !b.status().healthy(), () -> "status " + b.status());
            chain.mineEmpty(5);
            Await.quietly(Duration.ofMillis(300));
            BridgeStatus s = b.status();
            assertTrue(s.lastError().contains("reorg deeper than 2 confirmations"), s.lastError());
            assertEquals(4, s.confirmedL1Block());
            assertEquals(before, b.events(0, 100));
            assertTrue(b.running());
            assertEquals(1, log.at(Level.SEVERE).size(), log.all().toString());
            List<L1Event> got = new CopyOnWriteArrayList<>();
            b.subscribe(0, got::add);
            Await.until(WAIT, () -> got.size() == 1, () -> "a halted bridge still serves subscribers: " + got);
        }
    }

    @Test
    void storeOfAnotherDeploymentIsRefused() throws Exception {
        chain.mineEmpty(4);
        BridgeService first = start(DEPLOYED, 1);
        awaitConfirmed(first, 3);
        first.close();
        DeployedContracts other = new DeployedContracts(31337, 0, DEPLOYED.stakeToken(),
                "0x00000000000000000000000000000000000000b1", DEPLOYED.lockingPool(), DEPLOYED.sequencerSet(),
                DEPLOYED.batchInbox(), DEPLOYED.moduleRegistry(), DEPLOYED.timelock());
        BridgeService second = start(other, 1);
        Await.until(WAIT, () -> !second.status().healthy(), () -> "status " + second.status());
        assertTrue(second.status().lastError().contains("another deployment"), second.status().lastError());
        chain.mineEmpty(3);
        Await.quietly(Duration.ofMillis(200));
        assertEquals(3, second.confirmedL1Block());
    }

    @Test
    void failedStoreWritesAreRetriedWithNothingDoubled() throws Exception {
        chain.mine(locked(1));
        chain.mineEmpty(2);
        chain.down(true);
        try (LogCapture log = new LogCapture(BridgeLoop.class)) {
            BridgeService b = start(DEPLOYED, 1);
            store.failNextCommits(3);
            chain.down(false);
            awaitConfirmed(b, 2);
            Await.until(WAIT, () -> b.status().healthy(), () -> "status " + b.status());
            assertEquals(1, b.events(0, 10).size());
            List<LogCapture.Line> warnings = log.at(Level.WARNING);
            assertEquals(1, warnings.size(), log.all().toString());
            assertTrue(warnings.get(0).message().contains("injected commit failure"), warnings.get(0).message());
            assertTrue(log.at(Level.INFO).get(0).message().contains("recording again after 3 failed attempts"),
                    log.all().toString());
        }
    }

    @Test
    void closedBridgeRefusesSubscriptions() throws Exception {
        BridgeService b = start(DEPLOYED, 1);
        b.close();
        assertFalse(b.running());
        assertThrows(IllegalStateException.class, () -> b.subscribe(0, e -> { }));
    }
}
