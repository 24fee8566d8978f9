package seqpool.sequencer.node;

import seqpool.api.common.Address;
import seqpool.sequencer.chain.Fault;
import seqpool.sequencer.chain.UnsignedBlock;
import seqpool.sequencer.store.EquivocationRecord;
import seqpool.sequencer.wire.L2Message;

/** What the node asks its host to do. The host carries them out in order, on the sequencer thread. */
public sealed interface SequencerEffect {
    /** Sign {@code block.hash()} with the node's key and hand the signature to {@code SequencerNode.onSigned}. */
    record SignBlock(UnsignedBlock block) implements SequencerEffect {
    }

    record Broadcast(L2Message message) implements SequencerEffect {
    }

    record Send(Address peer, L2Message message) implements SequencerEffect {
    }

    /** Lower the peer's score by {@code fault.points()}. */
    record Penalize(Address peer, Fault fault, String detail) implements SequencerEffect {
    }

    /** A new head was stored: tell the subscribers of {@code L2Chain}. */
    record HeadAdvanced(seqpool.api.sequencer.L2Block block) implements SequencerEffect {
    }

    /** A producer signed two blocks for one number; the evidence is stored. {@code reportedBy} relayed the second. */
    record EquivocationFound(EquivocationRecord record, Address reportedBy) implements SequencerEffect {
    }

    /** This node's own block did not pass its own rules (a bug, or a signer that is not this node's key): not stored. */
    record ProductionFailed(long number, String reason) implements SequencerEffect {
    }
}
