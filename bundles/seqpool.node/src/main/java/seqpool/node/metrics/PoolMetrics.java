package seqpool.node.metrics;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import seqpool.api.bridge.Bridge;
import seqpool.api.common.Address;
import seqpool.api.bridge.BridgeStatus;
import seqpool.api.consensus.ConsensusEngine;
import seqpool.api.consensus.Validator;
import seqpool.api.metrics.MetricSink;
import seqpool.api.metrics.MetricSource;
import seqpool.api.p2p.P2pNetwork;
import seqpool.api.pos.MemberStatus;
import seqpool.api.pos.PoolMember;
import seqpool.api.pos.PoolStatus;
import seqpool.api.pos.PosService;
import seqpool.api.sequencer.L2Chain;
import seqpool.api.tss.KeyInfo;
import seqpool.api.tss.ThresholdKeyService;
import seqpool.api.tss.TssException;
import seqpool.node.health.ComponentReport;
import seqpool.node.health.HealthMonitor;
import seqpool.node.health.HealthStatus;
import seqpool.node.health.ServiceView;
import seqpool.node.runtime.ModuleInfo;

/**
 * What the node reads through the modules' service APIs (no module help needed): consensus height and validators,
 * p2p peers, PoS epoch, producer, members by status and open tasks, the bridge's L1 position and lag, the L2 head, TSS
 * keys and generation, each component's health and the installed module versions. A module that does not run writes
 * nothing (its metrics are absent). Names in docs/operations.md.
 */
public final class PoolMetrics implements MetricSource {
    private static final int LOOK_BACK = 20;
    private final ServiceView services;
    private final HealthMonitor health;
    private final Supplier<List<ModuleInfo>> modules;

    public PoolMetrics(ServiceView services, HealthMonitor health, Supplier<List<ModuleInfo>> modules) {
        this.services = services;
        this.health = health;
        this.modules = modules;
    }

    @Override
    public void collect(MetricSink sink) {
        for (ComponentReport c : health.check().components()) {
            sink.gauge("seqpool_component_up", "1 while the component runs (UP or DEGRADED), 0 when it is down",
                    Map.of("component", c.name()), c.status() == HealthStatus.DOWN ? 0 : 1);
            sink.gauge("seqpool_component_healthy", "1 while the component is UP (running and doing its job)",
                    Map.of("component", c.name()), c.status() == HealthStatus.UP ? 1 : 0);
        }
        for (ModuleInfo m : modules.get()) {
            if (m.name().startsWith("seqpool.")) {
                sink.gauge("seqpool_module_info", "An installed seqpool module (bundle) with its version and state",
                        Map.of("module", m.name(), "version", m.version(), "state", m.state()), 1);
            }
        }
        P2pNetwork p2p = services.get(P2pNetwork.class);
        if (p2p != null) {
            sink.gauge("seqpool_p2p_peers", "Authenticated peers connected now", p2p.connectedPeers().size());
        }
        ConsensusEngine consensus = services.get(ConsensusEngine.class);
        if (consensus != null) {
            sink.gauge("seqpool_consensus_height", "Highest committed consensus height", consensus.committedHeight());
            List<Validator> vs = consensus.currentValidators().validators();
            sink.gauge("seqpool_consensus_validators", "Validators of the height being decided", vs.size());
            sink.gauge("seqpool_consensus_voting_power", "Total voting power of those validators",
                    vs.stream().mapToLong(Validator::power).sum());
            lastPrecommits(sink, consensus, vs);
        }
        PosService pos = services.get(PosService.class);
        if (pos != null) {
            pos(sink, pos.status(), p2p);
        }
        Bridge bridge = services.get(Bridge.class);
        if (bridge != null) {
            BridgeStatus b = bridge.status();
            sink.gauge("seqpool_l1_head_block", "Latest L1 block the bridge saw", b.l1Head());
            sink.gauge("seqpool_l1_confirmed_block", "Newest L1 block whose events are recorded", b.confirmedL1Block());
            sink.gauge("seqpool_l1_behind_blocks", "L1 head minus the confirmed block (confirmations included)",
                    Math.max(0, b.l1Head() - b.confirmedL1Block()));
            sink.gauge("seqpool_l1_up", "1 while the last L1 call succeeded", b.healthy() ? 1 : 0);
        }
        L2Chain l2 = services.get(L2Chain.class);
        if (l2 != null) {
            sink.gauge("seqpool_l2_head_block", "This node's L2 head block number", l2.headNumber());
        }
        ThresholdKeyService tss = services.get(ThresholdKeyService.class);
        if (tss != null) {
            try {
                List<KeyInfo> keys = tss.keys();
                sink.gauge("seqpool_tss_keys", "Threshold keys this node holds a share of", keys.size());
                sink.gauge("seqpool_tss_key_generation", "Highest key generation held (1 = DKG, +1 per reshare)",
                        keys.stream().mapToLong(KeyInfo::generation).max().orElse(0));
            } catch (TssException e) {
                // the TSS key store is not readable now: leave its gauges out
            }
        }
    }

    /**
     * For each validator, the last committed height whose commit certificate carries its precommit (looking back at
     * most {@value #LOOK_BACK} heights; older is left out): a validator whose value lags is not voting.
     */
    private static void lastPrecommits(MetricSink sink, ConsensusEngine consensus, List<Validator> validators) {
        Map<Address, Long> last = new HashMap<>();
        long top = consensus.committedHeight();
        for (long h = top; h > 0 && h > top - LOOK_BACK && last.size() < validators.size(); h--) {
            final long height = h;
            consensus.block(h).ifPresent(b -> b.certificate().precommits()
                    .forEach(v -> last.putIfAbsent(v.vote().voter(), height)));
        }
        last.forEach((voter, h) -> sink.gauge("seqpool_consensus_validator_last_precommit_height",
                "Last committed height whose certificate holds this validator's precommit",
                Map.of("validator", voter.toHex()), h));
    }

    private static void pos(MetricSink sink, PoolStatus s, P2pNetwork p2p) {
        sink.gauge("seqpool_pos_epoch", "Current epoch", s.epoch());
        sink.gauge("seqpool_pos_l2_head_committed", "L2 head the pool has committed through consensus", s.l2Head());
        sink.gauge("seqpool_pos_open_tasks", "Open PoS tasks (keygen, reshare, L1 actions)", s.openTasks());
        sink.gauge("seqpool_pos_l1_block", "Last L1 block whose events consensus committed", s.l1Block());
        s.assignment().ifPresent(a -> {
            sink.gauge("seqpool_pos_producer", "The assigned producer of the current epoch (value: 1)",
                    Map.of("producer", a.producer().toHex(), "epoch", Long.toString(a.epoch())), 1);
            if (p2p != null) {
                sink.gauge("seqpool_pos_is_producer", "1 when this node is the assigned producer",
                        a.producer().equals(p2p.self()) ? 1 : 0);
            }
        });
        Map<MemberStatus, Integer> byStatus = new EnumMap<>(MemberStatus.class);
        for (MemberStatus st : MemberStatus.values()) {
            byStatus.put(st, 0);
        }
        for (PoolMember m : s.members()) {
            byStatus.merge(m.status(), 1, Integer::sum);
            sink.gauge("seqpool_pos_member_power", "Voting power of each member (whole tokens of stake)",
                    Map.of("member", m.signer().toHex(), "status", m.status().name()), m.power());
        }
        byStatus.forEach((st, n) -> sink.gauge("seqpool_pos_members", "Pool members by status",
                Map.of("status", st.name()), n));
        sink.gauge("seqpool_pos_jailed", "Jailed members", byStatus.get(MemberStatus.JAILED));
    }
}
