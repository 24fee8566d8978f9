package seqpool.api.consensus;

import org.osgi.annotation.versioning.ConsumerType;

/** Follows committed blocks. Called on the engine's thread, in height order, once per block; must not block. */
@ConsumerType
@FunctionalInterface
public interface CommitListener {
    void onCommit(CommittedBlock block);
}
