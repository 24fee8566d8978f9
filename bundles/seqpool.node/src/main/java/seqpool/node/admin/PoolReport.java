package seqpool.node.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import seqpool.api.bridge.Bridge;
import seqpool.api.bridge.BridgeStatus;
import seqpool.api.consensus.ConsensusEngine;
import seqpool.api.pos.ForcedMessage;
import seqpool.api.pos.ForcedQueue;
import seqpool.api.pos.PoolMember;
import seqpool.api.pos.PoolStatus;
import seqpool.api.pos.PosService;
import seqpool.api.pos.PosTask;
import seqpool.api.sequencer.L2Chain;
import seqpool.api.tss.KeyInfo;
import seqpool.api.tss.ThresholdKeyService;

/**
 * What the pool's modules report, for {@code GET /status}: consensus height and validators, the PoS state (epoch,
 * assignment, members with stake and status, pool key and TSS generation, open tasks, the forced-inclusion queue), the
 * bridge's L1 position and the L2 head. Each module comes from a supplier of the admin component's optional dynamic references; a module that is not
 * running is reported as absent. Thread-safe.
 */
final class PoolReport {
    private final Supplier<ConsensusEngine> consensus;
    private final Supplier<PosService> pos;
    private final Supplier<Bridge> bridge;
    private final Supplier<L2Chain> l2;
    private final Supplier<ThresholdKeyService> tss;

    PoolReport(Supplier<ConsensusEngine> consensus, Supplier<PosService> pos, Supplier<Bridge> bridge,
            Supplier<L2Chain> l2, Supplier<ThresholdKeyService> tss) {
        this.consensus = consensus;
        this.pos = pos;
        this.bridge = bridge;
        this.l2 = l2;
        this.tss = tss;
    }

    Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        ConsensusEngine c = consensus.get();
        if (c != null) {
            m.put("consensus", Map.of("height", c.committedHeight(), "validators", c.currentValidators().validators()
                    .stream().map(v -> Map.of("address", v.address().toHex(), "power", v.power())).toList()));
        }
        PosService p = pos.get();
        if (p != null) {
            Map<String, Object> ps = pos(p.status(), p.openTasks());
            ps.put("forced", forced(p));
            m.put("pos", ps);
        }
        Bridge b = bridge.get();
        if (b != null) {
            BridgeStatus s = b.status();
            m.put("l1", Map.of("head", s.l1Head(), "confirmed", s.confirmedL1Block(), "confirmations",
                    s.confirmations(), "error", s.lastError()));
        }
        L2Chain chain = l2.get();
        if (chain != null) {
            m.put("l2", Map.of("head", chain.headNumber()));
        }
        ThresholdKeyService t = tss.get();
        if (t != null) {
            try {
                List<Map<String, Object>> keys = new ArrayList<>();
                for (KeyInfo k : t.keys()) {
                    keys.add(Map.of("keyId", k.keyId().value(), "generation", k.generation(), "status",
                            k.status().name(), "groupKey", "0x" + k.groupKey().toHex()));
                }
                m.put("tss", Map.of("keys", keys));
            } catch (seqpool.api.tss.TssException e) {
                m.put("tss", Map.of("error", e.getMessage()));
            }
        }
        return m;
    }

    /** How many forced-inclusion messages {@code /status} lists: the newest ones. */
    static final int RECENT_FORCED = 8;

    /**
     * The committed forced-inclusion queue: N ({@code inclusionBlocks}, 0 = off), how many messages were committed and
     * how many committed L2 progress covers, and the newest {@link #RECENT_FORCED} messages with their due L2 block
     * (the committed L2 head when the pool committed the message + N) and L1 origin. Without their transactions.
     */
    static Map<String, Object> forced(PosService p) {
        Map<String, Object> m = new LinkedHashMap<>();
        try {
            ForcedQueue q = p.forcedMessages(Long.MAX_VALUE);
            m.put("inclusionBlocks", q.inclusionBlocks());
            m.put("length", q.length());
            m.put("included", q.includedCount());
            List<Map<String, Object>> recent = new ArrayList<>();
            if (q.enabled() && q.length() > 0) {
                for (ForcedMessage f : p.forcedMessages(Math.max(0, q.length() - RECENT_FORCED)).messages()) {
                    recent.add(Map.of("index", f.index(), "dueL2Block", f.dueL2Block(), "l1Block", f.l1Block(),
                            "l1TxHash", "0x" + f.l1TxHash().value().toHex(), "included", f.included()));
                }
            }
            m.put("recent", recent);
        } catch (RuntimeException | LinkageError e) { // a PoS module older than API 2.1, or its store failing
            m.put("error", String.valueOf(e.getMessage()));
        }
        return m;
    }

    private static Map<String, Object> pos(PoolStatus s, List<PosTask> tasks) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("height", s.height());
        m.put("epoch", s.epoch());
        s.assignment().ifPresent(a -> m.put("assignment", Map.of("epoch", a.epoch(), "revision", a.revision(),
                "firstL2Block", a.firstL2Block(), "lastL2Block", a.lastL2Block(), "producer", a.producer().toHex())));
        m.put("l2Head", s.l2Head());
        m.put("l1Block", s.l1Block());
        s.poolKey().ifPresent(k -> m.put("poolKey", Map.of("groupKey", "0x" + k.groupKey().toHex(), "generation",
                k.generation(), "threshold", k.threshold(), "committee", k.committee().stream().map(a -> a.toHex())
                        .toList(), "onL1", k.onL1())));
        List<Map<String, Object>> members = new ArrayList<>();
        for (PoolMember v : s.members()) {
            members.add(Map.of("seqId", v.seqId(), "signer", v.signer().toHex(), "stake", v.stake().toString(),
                    "power", v.power(), "status", v.status().name(), "faults", v.faults()));
        }
        m.put("members", members);
        m.put("openTasks", tasks.stream().map(t -> t.id() + "#" + t.attempt()).toList());
        return m;
    }
}
