/**
 * The host: the only code of the sequencer with threads, timers, keys and the network.
 * {@link seqpool.sequencer.host.SequencerHost} runs the deterministic {@link seqpool.sequencer.node.SequencerNode} on
 * one thread ({@code seqpool-sequencer}), carries out its effects on the p2p network and the signer, and implements
 * {@link seqpool.api.sequencer.L2Chain} and {@link seqpool.api.sequencer.BlockProducer};
 * {@link seqpool.sequencer.host.SequencerComponent} is its Declarative Services component.
 */
package seqpool.sequencer.host;
