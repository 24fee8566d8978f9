package seqpool.store.typed;

import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import seqpool.api.store.StoreException;

/**
 * Brings a module's data to the schema version the running bundle expects (DESIGN.md §7), one {@link Migration} step
 * per commit, each committed atomically with its new {@link SchemaVersion}. Running it again is a no-op, and a crash
 * in the middle leaves the store at the last completed step, from which the next run continues.
 *
 * <p>Not thread-safe per module: run it once, in the module's activation, before the module reads its data.
 */
public final class SchemaMigrator {
    /** Where every module's schema version is kept. */
    public static final Column<String, Integer> VERSIONS =
            Column.of("store.schema.v1", Serializers.UTF8, Serializers.UINT32);
    private static final System.Logger LOG = System.getLogger(SchemaMigrator.class.getName());

    private final TypedStore store;

    public SchemaMigrator(TypedStore store) {
        this.store = store;
    }

    /** The module's current version ({@code 0} when it has none yet). */
    public SchemaVersion current(String module) throws StoreException {
        SchemaVersion probe = new SchemaVersion(module, 0);
        return new SchemaVersion(probe.module(), store.get(VERSIONS, module).orElse(0));
    }

    /**
     * Migrates {@code module} to {@code target} with the given steps and returns the version reached (= target).
     *
     * @throws StoreException when the stored version is newer than {@code target} (an older bundle must not read a
     *     newer schema), or a step fails; steps committed before the failure stay committed
     * @throws IllegalArgumentException when the steps do not cover every version from the current one to the target
     */
    public SchemaVersion migrate(String module, int target, List<Migration> steps) throws StoreException {
        SchemaVersion current = current(module);
        if (current.version() > target) {
            throw new StoreException("schema of " + module + " is at version " + current.version()
                    + ", newer than version " + target + " that this bundle understands; install a newer bundle");
        }
        Map<Integer, Migration> byFrom = new HashMap<>();
        for (Migration m : steps) {
            if (byFrom.put(m.fromVersion(), m) != null) {
                throw new IllegalArgumentException(module + " has two migrations from version " + m.fromVersion());
            }
        }
        for (int v = current.version(); v < target; v++) {
            if (!byFrom.containsKey(v)) {
                throw new IllegalArgumentException(module + " has no migration from version " + v + " to " + (v + 1));
            }
        }
        for (int v = current.version(); v < target; v++) {
            Migration step = byFrom.get(v);
            TypedBatch batch = store.newBatch();
            try (TypedSnapshot before = store.snapshot()) {
                Optional<Integer> stored = before.get(VERSIONS, module);
                if (stored.orElse(0) != v) {
                    throw new StoreException("schema of " + module + " changed while migrating (now "
                            + stored.orElse(0) + ", expected " + v + "); is the migration running twice?");
                }
                step.migrate(before, batch);
            }
            batch.put(VERSIONS, module, v + 1);
            store.commit(batch);
            LOG.log(Level.INFO, "schema migrated: module={0} from={1} to={2} step={3}", module, v, v + 1,
                    step.description());
        }
        return new SchemaVersion(module, target);
    }
}
