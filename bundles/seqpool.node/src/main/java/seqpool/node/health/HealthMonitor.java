package seqpool.node.health;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

import seqpool.api.bridge.Bridge;
import seqpool.api.bridge.BridgeStatus;
import seqpool.api.consensus.ConsensusEngine;
import seqpool.api.p2p.P2pNetwork;
import seqpool.api.pos.PoolStatus;
import seqpool.api.pos.PosService;
import seqpool.api.sequencer.L2Chain;
import seqpool.api.tss.KeyInfo;
import seqpool.api.tss.ThresholdKeyService;
import seqpool.api.tss.TssException;

/**
 * Computes {@code /health} from the running services: p2p listening and its peers, the store open, consensus height
 * advancing, the sequencer producing or following, L1 reachable and how far the confirmed block is behind the head,
 * TSS keys and generation. A required component whose service is not running is DOWN; a height or head that has not
 * moved for {@code stallMillis} makes its component DEGRADED. Thread-safe (one check at a time; cheap calls only).
 */
public final class HealthMonitor {
    private final ServiceView services;
    private final Set<NodeComponent> required;
    private final long stallMillis;
    private final LongSupplier clock;
    private final Progress height = new Progress();
    private final Progress l2Head = new Progress();

    public HealthMonitor(ServiceView services, Set<NodeComponent> required, long stallMillis, LongSupplier clock) {
        this.services = services;
        this.required = required.isEmpty() ? EnumSet.noneOf(NodeComponent.class) : EnumSet.copyOf(required);
        this.stallMillis = stallMillis;
        this.clock = clock;
    }

    public synchronized HealthReport check() {
        long now = clock.getAsLong();
        List<ComponentReport> out = new ArrayList<>();
        out.add(new ComponentReport("admin", HealthStatus.UP, true, Map.of()));
        for (NodeComponent c : NodeComponent.values()) {
            Object service = services.get(c.service());
            boolean req = required.contains(c);
            if (service == null) {
                if (req) {
                    out.add(new ComponentReport(c.word(), HealthStatus.DOWN, true, Map.of("running", false)));
                }
                continue;
            }
            try {
                out.add(report(c, service, req, now));
            } catch (RuntimeException e) {
                out.add(new ComponentReport(c.word(), HealthStatus.DEGRADED, req, Map.of("error",
                        String.valueOf(e.getMessage()))));
            }
        }
        return HealthReport.of(out);
    }

    private ComponentReport report(NodeComponent c, Object service, boolean req, long now) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("running", true);
        HealthStatus s = HealthStatus.UP;
        switch (c) {
            case P2P -> {
                P2pNetwork p = (P2pNetwork) service;
                int peers = p.connectedPeers().size();
                d.put("listening", true);
                d.put("self", p.self().toHex());
                d.put("peers", peers);
                ConsensusEngine ce = services.get(ConsensusEngine.class);
                if (peers == 0 && ce != null && ce.currentValidators().validators().size() > 1) {
                    s = HealthStatus.DEGRADED;
                    d.put("problem", "no peers connected");
                }
            }
            case CONSENSUS -> {
                ConsensusEngine e = (ConsensusEngine) service;
                long h = e.committedHeight();
                long idle = height.observe(h, now);
                d.put("height", h);
                d.put("validators", e.currentValidators().validators().size());
                d.put("lastAdvanceMsAgo", idle);
                if (idle > stallMillis) {
                    s = HealthStatus.DEGRADED;
                    d.put("problem", "height " + h + " has not advanced for " + idle / 1000 + " s");
                }
            }
            case POS -> {
                PoolStatus st = ((PosService) service).status();
                d.put("epoch", st.epoch());
                st.assignment().ifPresent(a -> d.put("producer", a.producer().toHex()));
                d.put("members", st.members().size());
                d.put("openTasks", st.openTasks());
            }
            case L1 -> {
                BridgeStatus b = ((Bridge) service).status();
                d.put("head", b.l1Head());
                d.put("confirmed", b.confirmedL1Block());
                d.put("behind", Math.max(0, b.l1Head() - b.confirmedL1Block()));
                d.put("reachable", b.healthy());
                if (!b.healthy()) {
                    s = HealthStatus.DEGRADED;
                    d.put("problem", b.lastError());
                }
            }
            case TSS -> {
                try {
                    List<KeyInfo> keys = ((ThresholdKeyService) service).keys();
                    d.put("keys", keys.size());
                    d.put("generation", keys.stream().mapToLong(KeyInfo::generation).max().orElse(0));
                } catch (TssException e) {
                    s = HealthStatus.DEGRADED;
                    d.put("problem", e.getMessage());
                }
            }
            case SEQUENCER -> {
                long head = ((L2Chain) service).headNumber();
                long idle = l2Head.observe(head, now);
                d.put("head", head);
                d.put("role", producing() ? "producer" : "follower");
                d.put("lastAdvanceMsAgo", idle);
                if (producing() && idle > stallMillis) {
                    s = HealthStatus.DEGRADED;
                    d.put("problem", "producer, but L2 head " + head + " has not advanced for " + idle / 1000 + " s");
                }
            }
            default -> {
            }
        }
        return new ComponentReport(c.word(), s, req, d);
    }

    /** Whether this node is the assigned producer now. */
    private boolean producing() {
        PosService pos = services.get(PosService.class);
        P2pNetwork p2p = services.get(P2pNetwork.class);
        if (pos == null || p2p == null) {
            return false;
        }
        return pos.status().assignment().map(a -> a.producer().equals(p2p.self())).orElse(false);
    }
}
