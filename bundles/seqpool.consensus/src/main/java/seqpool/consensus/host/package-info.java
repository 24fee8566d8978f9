/**
 * The host: the only code of the engine with threads, timers and I/O. {@link seqpool.consensus.host.ConsensusHost}
 * runs the deterministic {@link seqpool.consensus.node.ConsensusNode} on one event thread, carries out its actions on
 * the p2p network and the store, and implements {@link seqpool.api.consensus.ConsensusEngine};
 * {@link seqpool.consensus.host.ConsensusComponent} is its Declarative Services component.
 */
package seqpool.consensus.host;
