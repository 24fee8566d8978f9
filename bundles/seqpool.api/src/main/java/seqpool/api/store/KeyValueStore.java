package seqpool.api.store;

import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

import seqpool.api.common.Bytes;

/**
 * The node's durable key-value store: named databases, each an ordered map of byte keys (unsigned lexicographic order)
 * to byte values.
 *
 * <p>Guarantees: a {@link WriteBatch} committed with {@link #commit(WriteBatch)} is applied whole or not at all, also
 * across a crash of the process; once {@code commit} returns, the batch is durable. Writers are serialised; readers never
 * block writers and see a consistent snapshot ({@link #snapshot()}). All methods are thread-safe.
 *
 * <p>Errors: {@link StoreFullException} when a commit would exceed the configured map size (nothing of that batch is
 * applied, and the store stays usable); {@link StoreException} for any other storage failure, including use after the
 * store was closed and opening more databases than configured. Database names are validated by {@link DatabaseName};
 * handles and batches of another store instance are rejected with {@link IllegalArgumentException}.
 */
@ProviderType
public interface KeyValueStore {

    /** Opens (creating if needed) the named database. Idempotent; the returned handle is valid for the store's life. */
    Database database(DatabaseName name) throws StoreException;

    /** Names of the databases that exist. */
    Set<DatabaseName> databases() throws StoreException;

    /** A new, empty batch. Batches are not thread-safe; build one on one thread and commit it. */
    WriteBatch newBatch();

    /** Applies every operation of the batch atomically and durably. */
    void commit(WriteBatch batch) throws StoreException;

    /** A consistent read-only view of every database as of now; close it promptly (it pins old pages). */
    ReadSnapshot snapshot() throws StoreException;

    /** Convenience read of one key at the latest committed state. */
    default Optional<Bytes> get(Database db, Bytes key) throws StoreException {
        try (ReadSnapshot s = snapshot()) {
            return s.get(db, key);
        }
    }

    /** Figures for operators: configured map size and bytes in use. */
    StoreStats stats() throws StoreException;
}
