package seqpool.store.typed;

import org.osgi.annotation.versioning.ConsumerType;

import seqpool.api.store.StoreException;

/**
 * One step of a module's schema, from {@link #fromVersion()} to {@code fromVersion() + 1}. {@link SchemaMigrator}
 * runs it and commits its writes together with the new version in one batch, so a step is applied whole or not at
 * all and never twice. A step reads through the snapshot it is given (the state before the step) and writes into
 * the batch; by convention it writes the new layout into new databases ({@code module.purpose.v(N+1)}) and clears
 * the old ones. A step must be deterministic: every node runs it on the same data and must get the same result.
 */
@ConsumerType
public interface Migration {
    /** The version this step starts from; it leads to {@code fromVersion() + 1}. */
    int fromVersion();

    /** What the step does, for the log. */
    String description();

    /** Reads the current data from {@code before} and adds the changes to {@code batch}. */
    void migrate(TypedSnapshot before, TypedBatch batch) throws StoreException;
}
