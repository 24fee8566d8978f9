package seqpool.bridge.l1;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.web3j.abi.EventEncoder;
import org.web3j.abi.datatypes.Event;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;
import seqpool.bridge.follow.EventKinds;
import seqpool.contracts.deploy.DeployedContracts;
import seqpool.contracts.wrappers.ForcedInclusionQueue;
import seqpool.contracts.wrappers.LockingPool;
import seqpool.contracts.wrappers.ModuleRegistry;
import seqpool.contracts.wrappers.PoolKeyRegistry;
import seqpool.contracts.wrappers.SequencerSet;

/**
 * The contracts the Listener follows — {@code LockingPool}, {@code SequencerSet}, {@code PoolKeyRegistry},
 * {@code ModuleRegistry} and, when the addresses file names one, {@code ForcedInclusionQueue}, at the addresses of the
 * addresses file — and the names of their events. The names come from
 * the {@code Event} definitions of the generated web3j wrappers (every {@code public static final Event} field, so
 * inherited events such as {@code OwnershipTransferred} are included): topic 0 is the keccak-256 of the event's
 * signature, as {@link EventEncoder#encode} computes it. A topic 0 the contract does not declare is
 * {@link EventKinds#UNKNOWN}. Immutable.
 */
public final class FollowedContracts implements EventKinds {
    /** The forced-inclusion queue's name here and in {@link #source()} (followed only when the file names it). */
    public static final String FORCED_QUEUE = "ForcedInclusionQueue";
    private final long chainId;
    private final Map<String, Address> byName;
    private final Map<Address, Map<Hash32, String>> kinds;

    private FollowedContracts(long chainId, Map<String, Address> byName, Map<Address, Map<Hash32, String>> kinds) {
        this.chainId = chainId;
        this.byName = byName;
        this.kinds = kinds;
    }

    public static FollowedContracts of(DeployedContracts d) {
        Map<String, Address> byName = new LinkedHashMap<>();
        Map<Address, Map<Hash32, String>> kinds = new HashMap<>();
        add(byName, kinds, "LockingPool", d.lockingPool(), LockingPool.class);
        add(byName, kinds, "SequencerSet", d.sequencerSet(), SequencerSet.class);
        add(byName, kinds, "PoolKeyRegistry", d.poolKeyRegistry(), PoolKeyRegistry.class);
        add(byName, kinds, "ModuleRegistry", d.moduleRegistry(), ModuleRegistry.class);
        d.forcedInclusionQueue().ifPresent(q -> add(byName, kinds, FORCED_QUEUE, q, ForcedInclusionQueue.class));
        return new FollowedContracts(d.chainId(), Map.copyOf(byName), Map.copyOf(kinds));
    }

    private static void add(Map<String, Address> byName, Map<Address, Map<Hash32, String>> kinds, String name,
            String address, Class<?> wrapper) {
        Address a = Address.fromHex(address);
        if (kinds.containsKey(a)) {
            throw new IllegalArgumentException(name + " has the same address as another followed contract: "
                    + address);
        }
        byName.put(name, a);
        kinds.put(a, Map.copyOf(eventsOf(wrapper)));
    }

    /** topic 0 → event name for every {@code public static final Event} field of a web3j wrapper class. */
    static Map<Hash32, String> eventsOf(Class<?> wrapper) {
        Map<Hash32, String> out = new HashMap<>();
        for (Field f : wrapper.getFields()) {
            int m = f.getModifiers();
            if (f.getType() == Event.class && Modifier.isStatic(m) && Modifier.isFinal(m)) {
                try {
                    Event e = (Event) f.get(null);
                    out.put(Hash32.fromHex(EventEncoder.encode(e)), e.getName());
                } catch (IllegalAccessException impossible) {
                    throw new IllegalStateException("cannot read " + f, impossible);
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException(wrapper.getName() + " declares no events");
        }
        return out;
    }

    /** The followed addresses: LockingPool, SequencerSet, PoolKeyRegistry, ModuleRegistry[, ForcedInclusionQueue]. */
    public List<Address> addresses() {
        List<Address> out = new java.util.ArrayList<>(List.of(byName.get("LockingPool"), byName.get("SequencerSet"),
                byName.get("PoolKeyRegistry"), byName.get("ModuleRegistry")));
        if (byName.containsKey(FORCED_QUEUE)) {
            out.add(byName.get(FORCED_QUEUE));
        }
        return List.copyOf(out);
    }

    @Override
    public String kindOf(Address contract, Hash32 topic0) {
        Map<Hash32, String> events = kinds.get(contract);
        return events == null ? UNKNOWN : events.getOrDefault(topic0, UNKNOWN);
    }

    /** Identifies the deployment in the record: chain id and the followed addresses, e.g. for a store check. */
    public String source() {
        StringBuilder sb = new StringBuilder("chainId=").append(chainId);
        byName.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append(' ').append(e.getKey()).append('=').append(e.getValue().toHex()));
        return sb.toString();
    }

    public long chainId() {
        return chainId;
    }

    public Address address(String contractName) {
        return Objects.requireNonNull(byName.get(contractName), () -> "not followed: " + contractName);
    }
}
