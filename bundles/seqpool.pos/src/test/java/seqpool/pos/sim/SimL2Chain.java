package seqpool.pos.sim;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import seqpool.api.pos.PoolStatus;
import seqpool.api.pos.ProducerAssignment;
import seqpool.api.sequencer.L2Block;
import seqpool.api.sequencer.L2Chain;

/**
 * One node's copy of the L2 chain, as a follower keeps it (DESIGN.md §3 step 5): a block is taken only from the
 * producer that holds the node's committed assignment for its number; a block of an epoch or revision the node has not
 * committed yet waits until it has; after a rotation, blocks the replaced producer made beyond the new segment's start
 * are dropped. Execution and signatures are not checked here: the simulated producers never forge, and the PoS
 * application checks the producer's signature of every header it uses. Survives crashes (the sequencer's store).
 */
final class SimL2Chain implements L2Chain {
    private static final int MAX_PENDING = 64;
    private final PosNode node;
    private final TreeMap<Long, L2Block> blocks = new TreeMap<>();
    private final List<L2Block> pending = new ArrayList<>();

    SimL2Chain(PosNode node) {
        this.node = node;
    }

    @Override
    public synchronized long headNumber() {
        return blocks.isEmpty() ? 0 : blocks.lastKey();
    }

    @Override
    public synchronized Optional<L2Block> block(long number) {
        return Optional.ofNullable(blocks.get(number));
    }

    @Override
    public AutoCloseable subscribe(Consumer<L2Block> listener) {
        return () -> { };
    }

    /** A block made by this node or received from its producer. */
    synchronized void offer(L2Block b) {
        if (fits(b)) {
            blocks.put(b.number(), b);
        } else if (b.epoch() >= node.service().status().epoch()) {
            pending.add(b);
            if (pending.size() > MAX_PENDING) {
                pending.remove(0);
            }
        }
    }

    /** After each commit: drop blocks a rotation took away, then take the waiting blocks that fit now. */
    synchronized void recheck() {
        PoolStatus st = node.service().status();
        if (st.assignment().isPresent()) {
            ProducerAssignment a = st.assignment().get();
            for (Iterator<Map.Entry<Long, L2Block>> it = blocks.tailMap(a.firstL2Block()).entrySet().iterator();
                    it.hasNext();) {
                if (!fits(it.next().getValue())) {
                    it.remove();
                }
            }
        }
        List<L2Block> waiting = new ArrayList<>(pending);
        pending.clear();
        waiting.sort((x, y) -> Long.compare(x.number(), y.number()));
        for (L2Block b : waiting) {
            offer(b);
        }
        pending.removeIf(b -> b.epoch() < st.epoch());
    }

    private boolean fits(L2Block b) {
        Optional<ProducerAssignment> a = node.service().assignmentFor(b.number());
        return a.isPresent() && a.get().epoch() == b.epoch() && a.get().producer().equals(b.producer());
    }
}
