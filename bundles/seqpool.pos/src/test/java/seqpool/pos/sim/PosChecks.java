package seqpool.pos.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;
import seqpool.api.pos.MemberStatus;
import seqpool.api.pos.PoolMember;
import seqpool.api.pos.PoolStatus;
import seqpool.api.pos.ProducerAssignment;
import seqpool.consensus.sim.SimNode;
import seqpool.consensus.sim.Simulation;
import seqpool.pos.app.PosServiceImpl;

/**
 * The PoS properties, checked at every commit of an honest node (the EpochRotation spec's invariants, on the real
 * application): all honest nodes agree on the app hash of every height and on every assignment (epoch, revision,
 * range, producer); an epoch's assignments form one range right after the previous epoch's, each rotation taking
 * the rest of it; a committed L2 block never changes producer (no two producers for one block); the producer in
 * force is never jailed. Also remembers when each assignment was first committed, for the rotation liveness check.
 */
final class PosChecks {
    private final Simulation<PosNode> sim;
    private final long firstL2Block;
    private final long epochLength;
    private final Map<Long, Hash32> appHashes = new HashMap<>();
    private final Map<String, ProducerAssignment> assignments = new HashMap<>();
    final Map<String, Long> assignedAt = new HashMap<>();
    private final Map<Long, Address> producedBy = new HashMap<>();
    private final Map<Integer, Long> checkedHeight = new HashMap<>();
    private final Map<Integer, Long> checkedEpoch = new HashMap<>();

    PosChecks(Simulation<PosNode> sim, long firstL2Block, long epochLength) {
        this.sim = sim;
        this.firstL2Block = firstL2Block;
        this.epochLength = epochLength;
    }

    static String key(long epoch, int revision) {
        return epoch + "/" + revision;
    }

    Optional<ProducerAssignment> assignment(long epoch, int revision) {
        return Optional.ofNullable(assignments.get(key(epoch, revision)));
    }

    void committed(SimNode<PosNode> n) {
        PosNode p = n.app;
        PosServiceImpl pos = p.service();
        PoolStatus st = pos.status();
        for (long h = checkedHeight.getOrDefault(n.index, 0L) + 1; h <= st.height(); h++) {
            long height = h;
            p.appHash(h).ifPresent(hash -> {
                Hash32 prior = appHashes.putIfAbsent(height, hash);
                if (prior != null && !prior.equals(hash)) {
                    violation("APP HASH: " + n.name + " has " + hash + " at height " + height + ", another honest node "
                            + prior);
                }
            });
        }
        checkedHeight.put(n.index, st.height());
        for (long e = Math.max(1, checkedEpoch.getOrDefault(n.index, 1L)); e <= st.epoch(); e++) {
            List<ProducerAssignment> as = pos.assignments(e);
            epoch(n, e, as);
            produced(n, pos, st, as);
        }
        checkedEpoch.put(n.index, st.epoch());
        st.assignment().ifPresent(a -> {
            for (PoolMember m : st.members()) {
                if (m.signer().equals(a.producer()) && m.status() == MemberStatus.JAILED) {
                    violation("JAILED PRODUCER: " + n.name + " has jailed " + a.producer() + " as producer of epoch "
                            + a.epoch() + " revision " + a.revision());
                }
            }
        });
    }

    /** Agreement on each assignment; their shape: contiguous epochs, rotations strictly inside the range. */
    private void epoch(SimNode<PosNode> n, long e, List<ProducerAssignment> as) {
        for (int i = 0; i < as.size(); i++) {
            ProducerAssignment a = as.get(i);
            String k = key(a.epoch(), a.revision());
            ProducerAssignment prior = assignments.putIfAbsent(k, a);
            assignedAt.putIfAbsent(k, sim.now());
            if (prior != null && !prior.equals(a)) {
                violation("ASSIGNMENT: " + n.name + " has " + a + " for " + k + ", another honest node " + prior);
            }
            if (a.epoch() != e || a.revision() != i) {
                violation("ASSIGNMENT LOG: " + n.name + " lists " + a + " as number " + i + " of epoch " + e);
            }
            if (i == 0) {
                long first = e == 1 ? firstL2Block : assignment(e - 1, 0).map(x -> x.lastL2Block() + 1).orElse(-1L);
                long last = a.firstL2Block() + epochLength - 1;
                if ((first >= 0 && a.firstL2Block() != first) || a.lastL2Block() != last) {
                    violation("RANGE: epoch " + e + " at " + n.name + " covers " + a.firstL2Block() + ".."
                            + a.lastL2Block() + ", expected to start at " + first + " with " + epochLength + " blocks");
                }
            } else if (a.firstL2Block() < as.get(i - 1).firstL2Block() || a.lastL2Block() != as.get(0).lastL2Block()) {
                violation("ROTATION RANGE: " + n.name + " rotates epoch " + e + " to " + a + " after " + as.get(i - 1));
            }
        }
    }

    /**
     * Every L2 block the pool committed as produced keeps the producer it had: the owner by the assignment log (the
     * latest revision covering it) equals the application's own answer, and never changes later.
     */
    private void produced(SimNode<PosNode> n, PosServiceImpl pos, PoolStatus st, List<ProducerAssignment> as) {
        if (as.isEmpty()) {
            return;
        }
        TreeMap<Long, Address> owners = new TreeMap<>();
        for (ProducerAssignment a : as) {
            for (long b = a.firstL2Block(); b <= a.lastL2Block(); b++) {
                owners.put(b, a.producer());
            }
        }
        for (Map.Entry<Long, Address> o : owners.entrySet()) {
            Optional<ProducerAssignment> says = pos.assignmentFor(o.getKey());
            if (says.isEmpty() || !says.get().producer().equals(o.getValue())) {
                violation("SEGMENTS: " + n.name + " assigns L2 block " + o.getKey() + " to " + says
                        + " but its assignment log to " + o.getValue());
            }
            if (o.getKey() <= st.l2Head()) {
                Address prior = producedBy.putIfAbsent(o.getKey(), o.getValue());
                if (prior != null && !prior.equals(o.getValue())) {
                    violation("TWO PRODUCERS for L2 block " + o.getKey() + ": " + prior + " and, at " + n.name + ", "
                            + o.getValue());
                }
            }
        }
    }

    private void violation(String m) {
        sim.monitor().violation(m);
    }

    /** Rotations committed so far (assignments with revision > 0). */
    long rotations() {
        return assignments.values().stream().filter(a -> a.revision() > 0).count();
    }
}
