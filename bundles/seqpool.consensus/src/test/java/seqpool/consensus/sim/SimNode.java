package seqpool.consensus.sim;

import seqpool.api.common.Address;
import seqpool.api.identity.NodeSigner;
import seqpool.consensus.node.ConsensusNode;
import seqpool.store.memory.InMemoryKeyValueStore;

/** One engine instance in the simulator: its durable parts (store, app) survive crashes; the engine does not. */
final class SimNode {
    final int index;
    final String name;
    final Address address;
    final NodeSigner signer;
    final Fault fault;
    final InMemoryKeyValueStore store = new InMemoryKeyValueStore();
    final SimApp app = new SimApp();
    ConsensusNode engine;
    boolean up;
    int epoch;
    int group;
    boolean crashPending;

    SimNode(int index, String name, NodeSigner signer, Fault fault) {
        this.index = index;
        this.name = name;
        this.address = signer.address();
        this.signer = signer;
        this.fault = fault;
    }

    boolean honest() {
        return fault == null;
    }

    long committedHeight() {
        return app.lastCommittedHeight();
    }
}
