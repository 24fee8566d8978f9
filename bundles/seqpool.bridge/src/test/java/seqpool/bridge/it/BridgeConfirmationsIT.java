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
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.Address;

import seqpool.api.bridge.L1Event;
import seqpool.api.common.Hash32;
import seqpool.bridge.host.BridgeComponent;
import seqpool.bridge.testing.Await;
import seqpool.bridge.testing.Bridges;
import seqpool.bridge.testing.L1Devnet;
import seqpool.store.memory.InMemoryKeyValueStore;

/** On anvil: a real Locked event enters the record (and reaches a subscriber) only after N confirmations. */
@EnabledIfSystemProperty(named = "seqpool.anvil.binary", matches = ".+",
        disabledReason = "anvil tests run in failsafe (mvn verify), which sets seqpool.anvil.binary")
class BridgeConfirmationsIT {
    private static final int CONFIRMATIONS = 3;
    @TempDir
    Path dir;
    private L1Devnet l1;
    private BridgeComponent bridge;

    @BeforeEach
    void start() throws Exception {
        l1 = L1Devnet.start("confirmations", dir);
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
    void lockedEventIsRecordedOnlyAfterConfirmations() throws Exception {
        bridge = Bridges.component(l1.anvil.rpcUrl(), l1, new InMemoryKeyValueStore(), CONFIRMATIONS, Map.of());
        List<L1Event> delivered = new CopyOnWriteArrayList<>();
        bridge.subscribe(0, delivered::add);
        L1Devnet.Operator op = l1.operator();
        l1.mine(CONFIRMATIONS);
        awaitCaughtUp(bridge, l1, CONFIRMATIONS);
        assertFalse(kind(all(bridge), "OwnershipTransferred").isEmpty(), "deployment events are recorded");
        assertEquals(1, kind(all(bridge), "WhitelistUpdated").size());

        L1Devnet.Lock lock = l1.lock(op); // the head is the lock block: 0 confirmations
        assertEquals(lock.block(), l1.head());
        Await.quietly(Duration.ofMillis(400));
        assertTrue(bridge.confirmedL1Block() < lock.block());
        assertTrue(kind(all(bridge), "Locked").isEmpty(), "recorded with 0 confirmations");

        l1.mine(CONFIRMATIONS - 1); // the lock block has N-1 blocks on top
        awaitConfirmed(bridge, lock.block() - 1);
        Await.quietly(Duration.ofMillis(400));
        assertEquals(lock.block() - 1, bridge.confirmedL1Block());
        assertTrue(kind(all(bridge), "Locked").isEmpty(), "recorded with N-1 confirmations");
        assertTrue(kind(delivered, "Locked").isEmpty(), "delivered with N-1 confirmations");

        l1.mine(1); // now N
        awaitConfirmed(bridge, lock.block());
        List<L1Event> locked = kind(all(bridge), "Locked");
        assertEquals(1, locked.size());
        L1Event e = locked.get(0);
        assertEquals(lock.block(), e.l1Block());
        assertTrue(Bridges.tx(lock.txHash()).test(e), e.toString());
        assertEquals(Hash32.fromHex(l1.blockHash(lock.block())), e.l1BlockHash());
        assertEquals(l1.contracts.lockingPool(), e.contract().toHex());
        assertEquals(4, e.topics().size(), "signature, seqId, owner, signer");
        assertEquals(Hash32.fromHex(TypeEncoder.encode(new Address(lock.owner()))), e.topics().get(2));
        assertFalse(e.data().size() == 0);

        Await.until(Bridges.WAIT, () -> !kind(delivered, "Locked").isEmpty(), () -> "not delivered");
        Await.quietly(Duration.ofMillis(300));
        assertEquals(List.of(e), kind(delivered, "Locked"), "delivered exactly once");
        assertEquals(all(bridge), delivered, "the subscriber saw the record, in order");
        assertTrue(bridge.status().healthy(), bridge.status().toString());
        assertEquals(CONFIRMATIONS, bridge.status().confirmations());
    }
}
