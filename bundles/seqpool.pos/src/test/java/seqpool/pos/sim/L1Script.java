package seqpool.pos.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import seqpool.api.bridge.L1Event;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.codec.crypto.Keccak;
import seqpool.consensus.sim.SimNode;
import seqpool.consensus.sim.Simulation;

/**
 * The L1 chain as the nodes' bridges see it. A canonical event reaches every node's bridge after that node's own
 * random confirmation delay (confirmations at one node keep L1 order, as a bridge's cursor does). A reorganised event
 * ("orphan") sits in a block of its own that is later replaced: only the chosen nodes confirm it (they took a block
 * that was reorganised after N confirmations), and they forget it again after a while, unless it is {@code permanent}
 * (a Byzantine node's made-up view). Remembers which nodes ever held each event, for the validity rule.
 */
final class L1Script {
    private static final int CONFIRM_MIN_MS = 60;
    private static final int CONFIRM_JITTER_MS = 180;
    private final Simulation<PosNode> sim;
    private final Map<Integer, Long> lastConfirmAt = new HashMap<>();
    private final Set<L1Event> canonical = new HashSet<>();
    private final Map<L1Event, Set<Integer>> heldBy = new HashMap<>();
    private final List<L1Event> orphans = new ArrayList<>();

    L1Script(Simulation<PosNode> sim) {
        this.sim = sim;
    }

    /** A canonical event, confirmed by every node after its own delay. */
    void emit(L1Event e) {
        canonical.add(e);
        for (SimNode<PosNode> n : sim.nodes()) {
            confirmAt(n, e, confirmTime(n.index));
        }
    }

    /**
     * A reorganised event, moved to an L1 block of its own (a fresh block number with its own hash): confirmed only by
     * {@code seers}, each of which forgets it {@code holdMs} after confirming it (never if {@code holdMs} < 0).
     */
    L1Event orphan(L1Event template, List<SimNode<PosNode>> seers, long holdMs) {
        long block = template.l1Block();
        Hash32 hash = new Hash32(Bytes.wrap(Keccak.digest(("reorganised-" + block).getBytes())));
        L1Event e = new L1Event(block, hash, template.txHash(), template.logIndex(), template.contract(),
                template.kind(), template.topics(), template.data());
        orphans.add(e);
        for (SimNode<PosNode> n : seers) {
            long t = confirmTime(n.index);
            confirmAt(n, e, t);
            if (holdMs >= 0) {
                sim.at(t + holdMs, () -> n.app.bridge.forget(e));
            }
        }
        return e;
    }

    private long confirmTime(int index) {
        long t = Math.max(lastConfirmAt.getOrDefault(index, 0L),
                sim.now() + CONFIRM_MIN_MS + sim.random().nextInt(CONFIRM_JITTER_MS));
        lastConfirmAt.put(index, t);
        return t;
    }

    private void confirmAt(SimNode<PosNode> n, L1Event e, long t) {
        sim.at(t, () -> {
            n.app.bridge.confirm(e);
            heldBy.computeIfAbsent(e, x -> new HashSet<>()).add(n.index);
        });
    }

    boolean isCanonical(L1Event e) {
        return canonical.contains(e);
    }

    boolean isOrphan(L1Event e) {
        return orphans.contains(e);
    }

    /** The nodes whose bridge ever held {@code e}. */
    Set<Integer> heldBy(L1Event e) {
        return heldBy.getOrDefault(e, Set.of());
    }

    int orphanCount() {
        return orphans.size();
    }
}
