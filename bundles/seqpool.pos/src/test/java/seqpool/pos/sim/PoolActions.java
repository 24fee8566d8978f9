package seqpool.pos.sim;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import seqpool.api.common.Address;
import seqpool.api.pos.PoolStatus;
import seqpool.api.pos.PosTask;
import seqpool.api.pos.PosTaskKind;
import seqpool.api.pos.ProducerAssignment;
import seqpool.consensus.sim.SimNode;
import seqpool.consensus.sim.Simulation;

/**
 * The pool's own L1 actions, without the threshold signing and posting that produce them: once an honest node has
 * committed a decision, its L1 effect appears on L1 after a random delay — the pool key's registration when the first
 * committee is ready, SequencerSet's EpochCommitted / EpochRecommitted for each epoch signing task. Each effect
 * happens once, whichever node saw the decision first. Rewards, jail and double-sign reports are left open (their
 * tasks stay queued in their own lanes).
 */
final class PoolActions {
    private static final int SIGN_MIN_MS = 50;
    private static final int SIGN_JITTER_MS = 250;
    private static final Address POOL_ADDRESS = Address.fromHex("0x" + "44".repeat(20));
    private final L1Script l1;
    private final Set<String> done = new HashSet<>();

    PoolActions(L1Script l1) {
        this.l1 = l1;
    }

    void committed(Simulation<PosNode> sim, SimNode<PosNode> n) {
        PosNode p = n.app;
        SimPool pool = p.pool();
        PoolStatus st = p.service().status();
        if (st.poolKey().isPresent() && !st.poolKey().get().onL1() && done.add("register")) {
            later(sim, () -> l1.emit(pool.l1.nextBlock().poolKeyRegistered(
                    pool.groupPoint.getAffineXCoord().toBigInteger(), pool.groupPoint.getAffineYCoord().toBigInteger(),
                    POOL_ADDRESS)));
        }
        for (PosTask t : p.service().openTasks()) {
            if (t.kind() != PosTaskKind.SIGN_EPOCH || !done.add(t.id())) {
                continue;
            }
            var m = t.params();
            long epoch = Long.parseLong(m.get("epochId"));
            Address producer = Address.fromHex(m.get("producer"));
            if ("commit".equals(m.get("action"))) {
                later(sim, () -> l1.emit(pool.l1.nextBlock().epochCommitted(epoch, Long.parseLong(m.get("first")),
                        Long.parseLong(m.get("last")), producer)));
            } else {
                int rotation = Integer.parseInt(m.get("rotation"));
                List<ProducerAssignment> as = p.service().assignments(epoch);
                ProducerAssignment before = as.stream().filter(a -> a.revision() == rotation - 1).findFirst()
                        .orElse(as.get(0));
                later(sim, () -> l1.emit(pool.l1.nextBlock().epochRecommitted(epoch, rotation,
                        Long.parseLong(m.get("from")), before.lastL2Block(), before.producer(), producer)));
            }
        }
    }

    private static void later(Simulation<PosNode> sim, Runnable r) {
        sim.at(sim.now() + SIGN_MIN_MS + sim.random().nextInt(SIGN_JITTER_MS), r);
    }
}
