package seqpool.api.pos;

/**
 * Told of committed PoS decisions, in commit order, on the PoS application's thread: must not block.
 * Default methods so a listener implements only what it needs.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface PosListener {
    default void onAssignment(ProducerAssignment assignment) {
    }

    default void onMembers(EpochMembers members) {
    }

    /** A task was opened (or re-opened with a new attempt). */
    default void onTask(PosTask task) {
    }

    /** A task was completed or cancelled; nothing more is expected for it. */
    default void onTaskClosed(PosTask task) {
    }
}
