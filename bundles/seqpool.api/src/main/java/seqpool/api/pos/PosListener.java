package seqpool.api.pos;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of committed PoS decisions, in commit order, on the PoS application's thread: must not block.
 * Default methods so a listener implements only what it needs.
 */
@ConsumerType
public interface PosListener {
    default void onAssignment(ProducerAssignment assignment) {
    }

    default void onValidatorSet(ValidatorSet set) {
    }

    default void onTask(PosTask task) {
    }
}
