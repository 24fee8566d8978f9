package seqpool.node.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import seqpool.api.bridge.Bridge;
import seqpool.api.consensus.ConsensusEngine;
import seqpool.api.p2p.P2pNetwork;
import seqpool.api.pos.PosService;
import seqpool.api.sequencer.L2Chain;
import seqpool.api.staking.PoolActionSender;
import seqpool.api.staking.StakingView;
import seqpool.api.store.KeyValueStore;
import seqpool.api.tss.ThresholdKeyService;

/**
 * The parts of a node that start at start-up and that {@code /health} reports: each with the service that shows it is
 * active and the bundle that provides it. Which ones a node requires depends on its configuration
 * ({@link #required}): the store and the transport always, the staking view with a {@code staking} section, the pool's
 * modules with a {@code pos} section. The admin API is checked apart (it is this bundle's own component).
 */
public enum NodeComponent {
    STORE("store", KeyValueStore.class, "seqpool.store"),
    P2P("p2p", P2pNetwork.class, "seqpool.p2p"),
    STAKING("staking", StakingView.class, "seqpool.staking"),
    CONSENSUS("consensus", ConsensusEngine.class, "seqpool.consensus"),
    POS("pos", PosService.class, "seqpool.pos"),
    L1("l1", Bridge.class, "seqpool.bridge"),
    TSS("tss", ThresholdKeyService.class, "seqpool.tss"),
    SEQUENCER("sequencer", L2Chain.class, "seqpool.sequencer"),
    L1_ACTIONS("l1Actions", PoolActionSender.class, "seqpool.staking");

    private final String word;
    private final Class<?> service;
    private final String bundle;

    NodeComponent(String word, Class<?> service, String bundle) {
        this.word = word;
        this.service = service;
        this.bundle = bundle;
    }

    /** The name in logs, in {@code /health} and in the admin configuration's {@code required} list. */
    public String word() {
        return word;
    }

    public Class<?> service() {
        return service;
    }

    public String bundle() {
        return bundle;
    }

    public static Optional<NodeComponent> byWord(String word) {
        for (NodeComponent c : values()) {
            if (c.word.equals(word)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** What a node with these configuration sections must have running before it says it started. */
    public static List<NodeComponent> required(boolean stakingSection, boolean posSection) {
        List<NodeComponent> r = new ArrayList<>(List.of(STORE, P2P));
        if (stakingSection) {
            r.add(STAKING);
        }
        if (posSection) {
            r.addAll(List.of(CONSENSUS, POS, L1, TSS, SEQUENCER, L1_ACTIONS));
        }
        return r;
    }
}
