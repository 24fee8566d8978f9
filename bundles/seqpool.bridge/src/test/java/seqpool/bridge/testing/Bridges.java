package seqpool.bridge.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import seqpool.api.bridge.Bridge;
import seqpool.api.bridge.L1Event;
import seqpool.api.store.KeyValueStore;
import seqpool.bridge.host.BridgeComponent;

/** Builds the DS component against a devnet, and waits on it. */
public final class Bridges {
    public static final Duration WAIT = Duration.ofSeconds(30);

    private Bridges() {
    }

    /** A component as SCR would activate it: fast polling and backoff, the given confirmations, plus overrides. */
    public static BridgeComponent component(String rpcUrl, L1Devnet l1, KeyValueStore store, int confirmations,
            Map<String, Object> overrides) throws Exception {
        Map<String, Object> m = new HashMap<>();
        m.put("rpcUrl", rpcUrl);
        m.put("contractsFile", l1.contractsFile.toString());
        m.put("confirmations", confirmations);
        m.put("pollMs", 50L);
        m.put("backoffMinMs", 50L);
        m.put("backoffMaxMs", 400L);
        m.putAll(overrides);
        return new BridgeComponent(Configs.bridge(m), store);
    }

    public static void awaitConfirmed(Bridge b, long block) {
        Await.until(WAIT, () -> b.confirmedL1Block() >= block, () -> "want " + block + ", status " + b.status());
    }

    /** Waits until the bridge has recorded everything {@code confirmations} deep at the current head. */
    public static void awaitCaughtUp(Bridge b, L1Devnet l1, int confirmations) throws Exception {
        awaitConfirmed(b, l1.head() - confirmations);
    }

    public static List<L1Event> all(Bridge b) {
        return b.events(0, Long.MAX_VALUE);
    }

    public static List<L1Event> kind(List<L1Event> events, String kind) {
        return events.stream().filter(e -> e.kind().equals(kind)).toList();
    }

    public static Predicate<L1Event> tx(String txHash) {
        return e -> e.txHash().value().toHex().equalsIgnoreCase(txHash.substring(2));
    }
}
