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
    /** The most messages one {@link #forcedMessages} answer lists. */
    int MAX_FORCED_MESSAGES = 256;

    long currentEpoch();

    /** The validators in force during {@code epoch} (empty if that epoch is unknown here). */
    EpochMembers members(long epoch);

    /** The assignment in force for an L2 block (latest revision), if one was committed. */
    Optional<ProducerAssignment> assignmentFor(long l2Block);

    /** Every assignment of an epoch, by revision. */
    List<ProducerAssignment> assignments(long epoch);

    /** Open tasks, oldest first. */
    List<PosTask> openTasks();

    /** The committed summary (epoch, assignment, L2 head, pool key, validators). */
    PoolStatus status();

    /**
     * Proposes, as a consensus transaction signed by this node, that {@code stalledProducer} be rotated out from
     * {@code fromL2Block} on. The pool decides (more than 2/3 of the voting power); this returns once the vote is
     * submitted, not decided.
     */
    void proposeRotation(Address stalledProducer, long fromL2Block);

    AutoCloseable subscribe(PosListener listener);

    /**
     * The committed forced-inclusion queue (since 2.1): its parameters and committed L2 head, and the messages from
     * index {@code fromIndex} on (at most {@link #MAX_FORCED_MESSAGES}), all from one committed state.
     */
    ForcedQueue forcedMessages(long fromIndex);
}
