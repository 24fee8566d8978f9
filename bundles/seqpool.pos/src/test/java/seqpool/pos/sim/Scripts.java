package seqpool.pos.sim;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import seqpool.api.bridge.L1Event;
import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.pos.MemberStatus;
import seqpool.api.pos.PoolKeyState;
import seqpool.api.pos.PoolStatus;
import seqpool.api.pos.ProducerAssignment;
import seqpool.codec.crypto.Keccak;
import seqpool.consensus.sim.Fault;
import seqpool.consensus.sim.SimNode;
import seqpool.consensus.sim.Simulation;
import seqpool.pos.state.Member;

/**
 * What a scenario does to the pool beyond network faults, and the liveness it then expects: the stalled producer of
 * the first epoch (from 2 on) that starts after the heal, crashed (until {@link #ROTATION_BOUND_MS} + 0.5 s later) or
 * withholding its blocks for good; a silent Byzantine validator stalls whenever it is drawn; L1 reorgs seen
 * by a minority (and made-up events of a false-view validator), a validator joining and one leaving. Liveness: epochs
 * advance after healing; a stalled producer is rotated out within {@link #ROTATION_BOUND_MS}; the membership changes
 * reach the committee and the epoch set.
 */
final class Scripts {
    /** Stall timeout + gossiping and committing more than 2/3 of the votes, with margin (worst seen: 1.9 s). */
    static final long ROTATION_BOUND_MS = 2500;
    private final PosScenario sc;
    private final Simulation<PosNode> sim;
    private final SimPool pool;
    private final L1Script l1;
    private final L2Producers producers;
    private final Map<Integer, long[]> stalls = new HashMap<>();
    private long epochAtHeal = -1;
    private long stallEpoch = -1;
    private long newestEpoch;
    private boolean joined;
    private int leaver = -1;
    private final Map<Integer, Long> doneAt = new HashMap<>();
    private long longestRotation;

    Scripts(PosScenario sc, Simulation<PosNode> sim, SimPool pool, L1Script l1, L2Producers producers) {
        this.sc = sc;
        this.sim = sim;
        this.pool = pool;
        this.l1 = l1;
        this.producers = producers;
    }

    void start() {
        for (SimNode<PosNode> n : sim.nodes()) {
            if (n.fault == Fault.SILENT) {
                stalls.put(n.index, new long[] {0, Long.MAX_VALUE});
            }
        }
        for (int i = 0; i < sc.reorgs(); i++) {
            sim.at(400 + sim.random().nextInt((int) (sc.sim().durationMs() - 1400)), this::reorg);
        }
        sim.at(sc.sim().healAtMs(), () -> epochAtHeal = honest().stream().mapToLong(n -> status(n).epoch()).max()
                .orElse(0));
    }

    /** An orphan seen by too few honest nodes to reach a quorum, and one more only each false-view node sees. */
    private void reorg() {
        List<SimNode<PosNode>> honest = new ArrayList<>(honest());
        int byzantine = sc.sim().byzantine();
        int quorum = 2 * sc.genesisMembers() / 3 + 1;
        int seers = 1 + sim.random().nextInt(Math.max(1, quorum - 1 - byzantine));
        List<SimNode<PosNode>> chosen = new ArrayList<>();
        for (int i = 0; i < seers && !honest.isEmpty(); i++) {
            chosen.add(honest.remove(sim.random().nextInt(honest.size())));
        }
        l1.orphan(harmfulEvent(), chosen, 100 + sim.random().nextInt(400));
        for (SimNode<PosNode> n : sim.nodes()) {
            if (n.fault == Fault.FALSE_VIEW) {
                l1.orphan(harmfulEvent(), List.of(n), -1);
            }
        }
    }

    /** A stranger with three times anyone's stake, or a genesis member unlocking: either would reshape the pool. */
    private L1Event harmfulEvent() {
        if (sim.random().nextBoolean()) {
            Address stranger = new Address(Bytes.wrap(Keccak.digest(("stranger-" + l1.orphanCount()).getBytes()))
                    .slice(12, 32));
            return pool.l1.nextBlock().locked(100 + l1.orphanCount(), stranger, stranger,
                    SimPool.STAKE.multiply(BigInteger.valueOf(3)));
        }
        return pool.l1.nextBlock().statusChanged(SimPool.seqId(sim.random().nextInt(sc.genesisMembers())),
                Member.UNLOCKING);
    }

    /** After a commit at an honest node: stall a producer, let the fifth node join, then one leave. */
    void committed(SimNode<PosNode> n) {
        PoolStatus st = status(n);
        if (epochAtHeal >= 0 && st.epoch() >= epochAtHeal + sc.epochsAfterHeal()
                && (!sc.joinAndLeave() || membershipProblem(n).isEmpty())) {
            doneAt.putIfAbsent(n.index, sim.now());
        }
        if (st.epoch() > newestEpoch) {
            newestEpoch = st.epoch();
            if (sc.stall() != PosScenario.Stall.NONE && stallEpoch < 0 && st.epoch() >= 2
                    && sim.now() >= sc.sim().healAtMs()) {
                stall(st); // the first node to commit the epoch: its producer has made none of its blocks yet
            }
        }
        if (sc.joinAndLeave() && !joined && st.epoch() >= 1) {
            joined = true;
            int j = joiner();
            laterOnL1(() -> pool.l1.nextBlock().locked(SimPool.seqId(j), pool.keys.get(j).address(),
                    pool.keys.get(j).address(), SimPool.STAKE));
        }
        if (sc.joinAndLeave() && leaver < 0 && st.poolKey().map(k -> k.committee().contains(address(joiner())))
                .orElse(false)) {
            List<SimNode<PosNode>> members = honest().stream().filter(x -> x.index < sc.genesisMembers()).toList();
            leaver = members.get(sim.random().nextInt(members.size())).index;
            int l = leaver;
            laterOnL1(() -> pool.l1.nextBlock().statusChanged(SimPool.seqId(l), Member.UNLOCKING));
        }
    }

    private void stall(PoolStatus st) {
        ProducerAssignment a = st.assignment().orElseThrow();
        stallEpoch = a.epoch();
        SimNode<PosNode> p = sim.nodes().get(pool.indexOf(a.producer()));
        if (sc.stall() == PosScenario.Stall.CRASH) {
            long restart = sim.now() + ROTATION_BOUND_MS + 500;
            sim.crash(p);
            sim.at(restart, () -> sim.restart(p));
            stalls.put(p.index, new long[] {sim.now(), restart});
        } else {
            producers.withhold(p.index);
            stalls.put(p.index, new long[] {sim.now(), Long.MAX_VALUE});
        }
    }

    private void laterOnL1(Supplier<L1Event> e) {
        sim.at(sim.now() + 100 + sim.random().nextInt(300), () -> l1.emit(e.get()));
    }

    List<String> finalChecks(PosChecks checks) {
        List<String> out = new ArrayList<>();
        long end = sc.sim().durationMs();
        for (SimNode<PosNode> n : honest()) {
            long epoch = status(n).epoch();
            if (n.up() && epoch < epochAtHeal + sc.epochsAfterHeal()) {
                out.add("LIVENESS: " + n.name + " ends in epoch " + epoch + ", expected at least "
                        + (epochAtHeal + sc.epochsAfterHeal()) + " (epoch " + epochAtHeal + " at the heal)");
            }
        }
        checks.assignedAt.forEach((k, at) -> {
            String[] er = k.split("/");
            long e = Long.parseLong(er[0]);
            int r = Integer.parseInt(er[1]);
            ProducerAssignment a = checks.assignment(e, r).orElseThrow();
            long[] w = stalls.get(pool.indexOf(a.producer()));
            if (w == null) {
                return;
            }
            long start = Math.max(Math.max(at, w[0]), sc.sim().healAtMs()); // partitions and crashes can delay votes
            if (start + ROTATION_BOUND_MS > Math.min(w[1], end)) {
                return;
            }
            long replaced = Math.min(checks.assignedAt.getOrDefault(PosChecks.key(e, r + 1), Long.MAX_VALUE),
                    checks.assignedAt.getOrDefault(PosChecks.key(e + 1, 0), Long.MAX_VALUE));
            longestRotation = Math.max(longestRotation, Math.min(replaced, end) - start);
            if (replaced > start + ROTATION_BOUND_MS) {
                out.add("ROTATION LIVENESS: stalled producer " + a.producer() + " of epoch " + e + " revision " + r
                        + " (stalled from t=" + start + ") still in force " + ROTATION_BOUND_MS + " ms later");
            }
        });
        if (sc.stall() != PosScenario.Stall.NONE && (stallEpoch < 0 || checks.assignment(stallEpoch, 1).isEmpty())) {
            out.add("ROTATION: " + (stallEpoch < 0 ? "no epoch started after the heal to stall its producer"
                    : "the stalled producer of epoch " + stallEpoch + " was never rotated out"));
        }
        if (sc.joinAndLeave()) {
            membership(out);
        }
        return out;
    }

    private void membership(List<String> out) {
        for (SimNode<PosNode> n : honest()) {
            membershipProblem(n).ifPresent(out::add);
        }
    }

    /** Whether the joiner is an active validator and the leaver gone, at one node, both in the committee too. */
    private Optional<String> membershipProblem(SimNode<PosNode> n) {
        PoolStatus st = status(n);
        Optional<PoolKeyState> key = st.poolKey();
        boolean joinerIn = memberStatus(st, address(joiner())) == MemberStatus.ACTIVE;
        boolean leaverOut = leaver >= 0 && memberStatus(st, address(leaver)) == MemberStatus.EXITED;
        boolean committee = key.isPresent() && key.get().generation() >= 3
                && key.get().committee().contains(address(joiner())) && leaverOut
                && !key.get().committee().contains(address(leaver));
        if (joinerIn && leaverOut && committee) {
            return Optional.empty();
        }
        return Optional.of("MEMBERSHIP: at " + n.name + " the joiner is " + memberStatus(st, address(joiner()))
                + ", the leaver " + (leaver < 0 ? "not chosen" : memberStatus(st, address(leaver))) + ", committee "
                + key.map(k -> "generation " + k.generation() + " " + k.committee()).orElse("none"));
    }

    /** When the last honest node met the liveness targets (0 if one never did): sizes the observation window. */
    long doneAt() {
        if (doneAt.size() < honest().size()) {
            return sc.sim().durationMs() + 1;
        }
        return doneAt.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** The fewest epochs an honest running node advanced after the heal (at the end of the run). */
    long fewestEpochsAfterHeal() {
        return honest().stream().filter(SimNode::up).mapToLong(n -> status(n).epoch() - epochAtHeal).min().orElse(0);
    }

    /** The longest time a stalled producer stayed in force (after finalChecks). */
    long longestRotationMs() {
        return longestRotation;
    }

    private static MemberStatus memberStatus(PoolStatus st, Address a) {
        return st.members().stream().filter(m -> m.signer().equals(a)).map(m -> m.status()).findFirst().orElse(null);
    }

    private int joiner() {
        return sc.sim().n() - 1;
    }

    private Address address(int index) {
        return pool.keys.get(index).address();
    }

    private List<SimNode<PosNode>> honest() {
        return sim.nodes().stream().filter(SimNode::honest).toList();
    }

    private static PoolStatus status(SimNode<PosNode> n) {
        return n.app.service().status();
    }
}
