package seqpool.store.lmdb;

import java.nio.file.Path;

/**
 * How to open an LMDB store: the directory holding {@code data.mdb} and {@code lock.mdb}, the map size (the most the
 * data file may grow to) and the number of named databases. Validated on construction; errors name the setting.
 */
public record LmdbStoreConfig(Path path, long mapSizeBytes, int maxDatabases) {
    /** LMDB refuses smaller maps in practice: the metadata and the database tree need a few pages. */
    public static final long MIN_MAP_SIZE_BYTES = 64L << 10;
    /** Far above anything seqpool needs; guards against a mistyped value. */
    public static final int MAX_DATABASES_LIMIT = 4096;

    public LmdbStoreConfig {
        if (path == null) {
            throw new IllegalArgumentException("store.path is required");
        }
        if (mapSizeBytes < MIN_MAP_SIZE_BYTES) {
            throw new IllegalArgumentException("store.mapSizeMb too small: the map size must be at least "
                    + MIN_MAP_SIZE_BYTES + " bytes, got " + mapSizeBytes);
        }
        if (maxDatabases < 1 || maxDatabases > MAX_DATABASES_LIMIT) {
            throw new IllegalArgumentException("store.maxDatabases must be 1.." + MAX_DATABASES_LIMIT + ", got "
                    + maxDatabases);
        }
    }

    /** A configuration with the map size in MiB, as the {@code store.mapSizeMb} setting gives it. */
    public static LmdbStoreConfig ofMegabytes(Path path, long mapSizeMb, int maxDatabases) {
        if (mapSizeMb < 1 || mapSizeMb > (1L << 30)) {
            throw new IllegalArgumentException("store.mapSizeMb must be 1.." + (1L << 30) + ", got " + mapSizeMb);
        }
        return new LmdbStoreConfig(path, mapSizeMb << 20, maxDatabases);
    }
}
