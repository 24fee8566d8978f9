package seqpool.api.pos;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import seqpool.api.common.Address;

/**
 * Read access to the committed PoS state and a way to ask the pool for a rotation. Thread-safe; answers reflect the
 * latest committed consensus block.
 */
@ProviderType
public interface PosService {
    long currentEpoch();

    ValidatorSet validatorSet(long epoch);

    /** The assignment in force for an L2 block (latest revision), if one was committed. */
    Optional<ProducerAssignment> assignmentFor(long l2Block);

    /** Every assignment of an epoch, by revision. */
    List<ProducerAssignment> assignments(long epoch);

    /** Open tasks, oldest first. */
    List<PosTask> openTasks();

    /**
     * Proposes, as a consensus transaction, that {@code stalledProducer} be rotated out from {@code fromL2Block} on.
     * The pool decides; this returns once the proposal is submitted, not decided.
     */
    void proposeRotation(Address stalledProducer, long fromL2Block);

    AutoCloseable subscribe(PosListener listener);
}
