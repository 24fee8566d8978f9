package seqpool.pos.sim;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.identity.EcdsaSignature;
import seqpool.api.pos.PoolStatus;
import seqpool.api.pos.ProducerAssignment;
import seqpool.api.sequencer.L2Block;
import seqpool.codec.l2.L2HeaderHashing;
import seqpool.consensus.sim.Fault;
import seqpool.consensus.sim.SimNode;
import seqpool.consensus.sim.Simulation;

/**
 * The simulated sequencers: a node that its own committed state names as the producer of the next L2 block makes a
 * signed (empty) block every {@code blockMs} on top of its last one and gossips it over the simulated network. A node
 * that is down, Byzantine-silent, or told to withhold its blocks (a stalled producer) makes nothing. Remembers every
 * header made, for the validity rule (the proposer's L2 progress must be a block some producer really made).
 */
final class L2Producers {
    private final long blockMs;
    private final Map<Integer, Long> lastMadeAt = new HashMap<>();
    private final Set<Integer> withholding = new HashSet<>();
    final Set<Hash32> made = new HashSet<>();

    L2Producers(long blockMs) {
        this.blockMs = blockMs;
    }

    /** From now on, the node makes no blocks (it keeps voting): a stalled or Byzantine producer. */
    void withhold(int index) {
        withholding.add(index);
    }

    boolean withholds(int index) {
        return withholding.contains(index);
    }

    /** A restarted node starts a new block interval. */
    void booted(int index) {
        lastMadeAt.remove(index);
    }

    void tick(Simulation<PosNode> sim) {
        for (SimNode<PosNode> n : sim.nodes()) {
            if (n.up() && n.fault != Fault.SILENT && !withholding.contains(n.index)) {
                produce(sim, n);
            }
        }
    }

    private void produce(Simulation<PosNode> sim, SimNode<PosNode> n) {
        PosNode p = n.app;
        PoolStatus st = p.service().status();
        if (st.assignment().isEmpty() || !st.assignment().get().producer().equals(n.address)) {
            return;
        }
        Long last = lastMadeAt.get(n.index);
        if (last != null && sim.now() - last < blockMs) {
            return;
        }
        ProducerAssignment a = st.assignment().get();
        long number = Math.max(Math.max(p.chain.headNumber(), st.l2Head()) + 1, a.firstL2Block());
        if (number > a.lastL2Block()) {
            return;
        }
        Hash32 parent = p.chain.block(number - 1).map(L2Block::hash).orElse(Hash32.ZERO);
        Hash32 txRoot = L2HeaderHashing.txRoot(List.of());
        long chainId = p.pool().params.l2ChainId();
        Hash32 hash = L2HeaderHashing.hash(chainId, number, parent, a.epoch(), n.address, sim.now(), txRoot,
                Hash32.ZERO);
        EcdsaSignature sig = p.key.sign(hash);
        L2Block b = new L2Block(number, hash, parent, a.epoch(), n.address, sim.now(), List.<Bytes>of(), Hash32.ZERO,
                sig);
        made.add(hash);
        lastMadeAt.put(n.index, sim.now());
        p.chain.offer(b);
        for (SimNode<PosNode> to : sim.nodes()) {
            if (to != n) {
                sim.send(n, to, () -> to.app.chain.offer(b));
            }
        }
    }
}
