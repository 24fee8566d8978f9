package seqpool.bridge.testing;

import java.util.List;
import java.util.Map;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;
import seqpool.bridge.follow.EventKinds;
import seqpool.bridge.follow.FollowPlan;

/** Contracts, topics and plans shared by the unit tests. */
public final class Fixtures {
    public static final long CHAIN_ID = 31337;
    public static final Address POOL = Address.fromHex("0x1000000000000000000000000000000000000001");
    public static final Address SET = Address.fromHex("0x1000000000000000000000000000000000000002");
    public static final Address OTHER = Address.fromHex("0x2000000000000000000000000000000000000003");
    public static final Hash32 LOCKED = FakeL1Chain.topic("Locked");
    public static final Hash32 EPOCH = FakeL1Chain.topic("EpochCommitted");
    public static final Hash32 STRANGE = FakeL1Chain.topic("NotDeclared");

    /** Locked on POOL, EpochCommitted on SET; anything else Unknown. */
    public static final EventKinds KINDS = (contract, topic0) -> {
        Map<Address, Map<Hash32, String>> m = Map.of(POOL, Map.of(LOCKED, "Locked"), SET,
                Map.of(EPOCH, "EpochCommitted"));
        return m.getOrDefault(contract, Map.of()).getOrDefault(topic0, EventKinds.UNKNOWN);
    };

    private Fixtures() {
    }

    public static FollowPlan plan(long startBlock, int confirmations, int maxBlockRange) {
        return new FollowPlan(CHAIN_ID, List.of(POOL, SET), KINDS, startBlock, confirmations, maxBlockRange);
    }

    public static FakeL1Chain.LogSpec locked(int seq) {
        return FakeL1Chain.log(POOL, LOCKED, FakeL1Chain.topic("seq " + seq));
    }

    public static FakeL1Chain.LogSpec epoch(int id) {
        return FakeL1Chain.log(SET, EPOCH, FakeL1Chain.topic("epoch " + id));
    }
}
