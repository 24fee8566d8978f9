package seqpool.consensus.sim;

import seqpool.api.common.Address;
import seqpool.api.consensus.ConsensusApplication;
import seqpool.api.identity.NodeSigner;
import seqpool.consensus.node.ConsensusNode;
import seqpool.store.memory.InMemoryKeyValueStore;

/**
 * One engine instance in the simulator: its durable parts (store, app) survive crashes; the engine does not.
 *
 * @param <A> the world's application type
 */
public final class SimNode<A extends ConsensusApplication> {
    public final int index;
    public final String name;
    public final Address address;
    public final NodeSigner signer;
    public final Fault fault;
    final InMemoryKeyValueStore store = new InMemoryKeyValueStore();
    public final A app;
    ConsensusNode engine;
    boolean up;
    int epoch;
    int group;
    boolean crashPending;

    SimNode(int index, String name, NodeSigner signer, Fault fault, A app) {
        this.index = index;
        this.name = name;
        this.address = signer.address();
        this.signer = signer;
        this.fault = fault;
        this.app = app;
    }

    public boolean honest() {
        return fault == null;
    }

    /** Whether the node runs (not crashed). */
    public boolean up() {
        return up;
    }

    /** Which side of a partition the node is on (0 when the network is whole). */
    public int group() {
        return group;
    }

    /** The running engine (null before the first boot). */
    public ConsensusNode engine() {
        return engine;
    }

    public long committedHeight() {
        return app.lastCommittedHeight();
    }

    @Override
    public String toString() {
        return name;
    }
}
