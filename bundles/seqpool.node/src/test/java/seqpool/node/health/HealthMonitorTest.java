package seqpool.node.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import seqpool.api.bridge.Bridge;
import seqpool.api.bridge.BridgeStatus;
import seqpool.api.common.Address;
import seqpool.api.consensus.ConsensusEngine;
import seqpool.api.consensus.Validator;
import seqpool.api.consensus.ValidatorSet;

/** The states {@code /health} derives: down when missing, degraded when stalled or when L1 fails, up otherwise. */
class HealthMonitorTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final AtomicLong height = new AtomicLong(5);
    private final AtomicReference<BridgeStatus> l1 = new AtomicReference<>(new BridgeStatus(100, 98, 2, "", 0));
    private final AtomicReference<ConsensusEngine> consensus = new AtomicReference<>(engine());

    private HealthMonitor monitor() {
        Bridge bridge = proxy(Bridge.class, (name, args) -> name.equals("status") ? l1.get() : null);
        ServiceView services = new ServiceView(Map.of(ConsensusEngine.class, (Supplier<?>) consensus::get,
                Bridge.class, (Supplier<?>) () -> bridge));
        return new HealthMonitor(services, EnumSet.of(NodeComponent.CONSENSUS, NodeComponent.L1), 30_000, now::get);
    }

    private ConsensusEngine engine() {
        ValidatorSet set = new ValidatorSet(List.of(new Validator(Address.fromHex("0x" + "11".repeat(20)), 10)));
        return proxy(ConsensusEngine.class, (name, args) -> switch (name) {
            case "committedHeight" -> height.get();
            case "currentValidators" -> set;
            default -> null;
        });
    }

    @Test
    void stalledHeightDegradesAndProgressRecovers() {
        HealthMonitor m = monitor();
        assertEquals(HealthStatus.UP, m.check().status());
        now.addAndGet(29_000);
        assertEquals(HealthStatus.UP, m.check().status(), "29 s without a block is still fine");
        now.addAndGet(2_000);
        HealthReport stalled = m.check();
        assertEquals(HealthStatus.DEGRADED, stalled.status());
        assertEquals(200, stalled.httpStatus(), "degraded is not down");
        assertTrue(String.valueOf(stalled.componentsMap().get("consensus")).contains("has not advanced for 31 s"),
                stalled.componentsMap().toString());
        height.incrementAndGet();
        assertEquals(HealthStatus.UP, m.check().status());
    }

    @Test
    void l1ErrorsDegradeAndAMissingRequiredComponentIsDown() {
        HealthMonitor m = monitor();
        l1.set(new BridgeStatus(100, 90, 2, "connection refused", 1));
        HealthReport r = m.check();
        assertEquals(HealthStatus.DEGRADED, r.status());
        assertTrue(String.valueOf(r.componentsMap().get("l1")).contains("behind=10"), r.componentsMap().toString());
        consensus.set(null);
        HealthReport down = m.check();
        assertEquals(HealthStatus.DOWN, down.status());
        assertEquals(503, down.httpStatus());
        assertEquals(List.of("consensus"), down.down());
    }

    private interface Answer {
        Object apply(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> method.getName().equals("toString") ? type.getSimpleName()
                        : answer.apply(method.getName(), args)));
    }
}
