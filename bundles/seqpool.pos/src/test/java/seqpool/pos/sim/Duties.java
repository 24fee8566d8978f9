package seqpool.pos.sim;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.consensus.SubmitResult;
import seqpool.api.pos.PosTask;
import seqpool.api.pos.PosTaskKind;
import seqpool.consensus.sim.SimNode;
import seqpool.consensus.sim.Simulation;
import seqpool.pos.duty.RotationWatcher;
import seqpool.pos.state.Addresses;
import seqpool.pos.tx.SignedBody;

/**
 * Each honest node's duties, as {@code seqpool.pos.duty} carries them out, minus the TSS protocol itself: for every
 * open keygen or reshare attempt it takes part in, it reports success with the pool's group key (generation 1 for a
 * keygen, the old generation + 1 for a reshare) after a random delay; and the real {@link RotationWatcher}, on the
 * simulated clock, votes to rotate a producer whose blocks stopped coming. What a node remembers here is lost when it
 * crashes (it re-reports after its restart, as TaskRunner does from the committed open tasks). A Byzantine participant
 * instead reports every key-task attempt failed at once ({@link #sabotage}).
 */
final class Duties {
    private static final int REPORT_MIN_MS = 30;
    private static final int REPORT_JITTER_MS = 170;
    private final long stallTimeoutMs;
    private final BiFunction<SimNode<PosNode>, Bytes, SubmitResult> submit;
    private final Map<Integer, Set<String>> reported = new HashMap<>();
    private final Map<Integer, RotationWatcher> watchers = new HashMap<>();
    private final Map<Integer, Integer> boots = new HashMap<>();

    Duties(long stallTimeoutMs, BiFunction<SimNode<PosNode>, Bytes, SubmitResult> submit) {
        this.stallTimeoutMs = stallTimeoutMs;
        this.submit = submit;
    }

    /** A (re)started node: fresh memory, a fresh watcher. */
    void booted(Simulation<PosNode> sim, SimNode<PosNode> n) {
        boots.merge(n.index, 1, Integer::sum);
        reported.remove(n.index);
        PosNode p = n.app;
        watchers.put(n.index, new RotationWatcher(p.service(), () -> Optional.of(p.chain), n.address,
                stallTimeoutMs, sim::now));
    }

    /** After a commit at an honest node: report on the key tasks it takes part in. */
    void committed(Simulation<PosNode> sim, SimNode<PosNode> n) {
        for (PosTask t : n.app.service().openTasks()) {
            if (firstLook(n, t)) {
                int boot = boots.get(n.index);
                long at = sim.now() + REPORT_MIN_MS + sim.random().nextInt(REPORT_JITTER_MS);
                sim.at(at, () -> report(sim, n, t, boot));
            }
        }
    }

    /**
     * A Byzantine participant's duty: report the failure of every key-task attempt as soon as it opens, blaming an
     * honest participant, to abort the attempt before the honest reports arrive.
     */
    void sabotage(Simulation<PosNode> sim, SimNode<PosNode> n) {
        for (PosTask t : n.app.service().openTasks()) {
            if (firstLook(n, t)) {
                List<Address> others = participants(t).stream().filter(a -> !a.equals(n.address)).sorted().toList();
                Address blamed = others.get(sim.random().nextInt(others.size()));
                submit.apply(n, n.app.txs.sign(new SignedBody.TaskReport(t.id(), t.attempt(), false, Bytes.EMPTY, 0,
                        List.of(blamed))));
            }
        }
    }

    /** Whether {@code t} is a key task {@code n} takes part in and this attempt is new to it. */
    private boolean firstLook(SimNode<PosNode> n, PosTask t) {
        boolean keyTask = t.kind() == PosTaskKind.KEYGEN || t.kind() == PosTaskKind.RESHARE;
        return keyTask && participants(t).contains(n.address)
                && reported.computeIfAbsent(n.index, i -> new HashSet<>()).add(t.id() + "#" + t.attempt());
    }

    private void report(Simulation<PosNode> sim, SimNode<PosNode> n, PosTask t, int boot) {
        if (!n.up() || boots.get(n.index) != boot) {
            return; // crashed meanwhile: the restarted node reports again
        }
        int generation = t.kind() == PosTaskKind.KEYGEN ? 1 : Integer.parseInt(t.params().get("fromGeneration")) + 1;
        PosNode p = n.app;
        submit.apply(n, p.txs.sign(new SignedBody.TaskReport(t.id(), t.attempt(), true, p.pool().groupKey, generation,
                List.of())));
    }

    /** Every tick: each running honest node's rotation watcher looks at its L2 head. */
    void tick(Simulation<PosNode> sim) {
        for (SimNode<PosNode> n : sim.nodes()) {
            if (n.up() && n.honest()) {
                watchers.get(n.index).tick();
            }
        }
    }

    private static List<Address> participants(PosTask t) {
        if (t.kind() == PosTaskKind.KEYGEN) {
            return Addresses.parse(t.params().get("committee"));
        }
        Set<Address> all = new HashSet<>(Addresses.parse(t.params().get("old")));
        all.addAll(Addresses.parse(t.params().get("new")));
        return List.copyOf(all);
    }
}
