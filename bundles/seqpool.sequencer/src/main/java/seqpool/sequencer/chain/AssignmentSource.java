package seqpool.sequencer.chain;

import java.util.Optional;

import seqpool.api.pos.ProducerAssignment;

/** The committed assignment in force for an L2 block number (latest revision), if this node has committed one. */
@FunctionalInterface
public interface AssignmentSource {
    Optional<ProducerAssignment> assignmentFor(long l2Block);
}
