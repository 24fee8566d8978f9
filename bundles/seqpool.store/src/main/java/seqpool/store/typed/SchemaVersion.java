package seqpool.store.typed;

import java.util.regex.Pattern;

/**
 * The schema version of one module's data in the store: {@code 0} means the module has never written anything.
 * Kept in the {@code store.schema.v1} database, key = module name, value = version (UINT32).
 */
public record SchemaVersion(String module, int version) {
    private static final Pattern MODULE = Pattern.compile("[a-z0-9.-]{1,64}");

    public SchemaVersion {
        if (module == null || !MODULE.matcher(module).matches()) {
            throw new IllegalArgumentException("invalid module name '" + module + "': use 1-64 of [a-z0-9.-]");
        }
        if (version < 0) {
            throw new IllegalArgumentException("schema version of " + module + " must be >= 0, got " + version);
        }
    }
}
