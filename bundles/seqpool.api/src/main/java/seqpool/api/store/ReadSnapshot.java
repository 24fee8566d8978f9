package seqpool.api.store;

import java.util.Iterator;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import seqpool.api.common.Bytes;

/**
 * A consistent, read-only view of the store at one point in time. Use from one thread; close it when done (iterators
 * become invalid then).
 */
@ProviderType
public interface ReadSnapshot extends AutoCloseable {
    Optional<Bytes> get(Database db, Bytes key) throws StoreException;

    /** Entries with {@code from <= key < to} in ascending key order; {@code to == null} means to the end. */
    Iterator<KvEntry> range(Database db, Bytes from, Bytes to) throws StoreException;

    /** Entries whose key starts with the prefix, ascending. */
    Iterator<KvEntry> prefix(Database db, Bytes prefix) throws StoreException;

    /** Entries with {@code from <= key < to} in descending key order; {@code from == null} means from the start. */
    Iterator<KvEntry> rangeDescending(Database db, Bytes from, Bytes to) throws StoreException;

    @Override
    void close();
}
