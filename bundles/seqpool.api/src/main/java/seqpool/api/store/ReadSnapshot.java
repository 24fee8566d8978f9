package seqpool.api.store;

import java.util.Iterator;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import seqpool.api.common.Bytes;

/**
 * A consistent, read-only view of the store at one point in time: commits made after it was opened are not visible
 * through it. Use it from one thread at a time; close it when done (further calls throw {@link StoreException}, and
 * its iterators throw {@link IllegalStateException}). Iterators are lazy, see only the snapshot and do not support
 * {@code remove}. A range whose {@code from} is after its {@code to} is rejected with {@link IllegalArgumentException}.
 */
@ProviderType
public interface ReadSnapshot extends AutoCloseable {
    Optional<Bytes> get(Database db, Bytes key) throws StoreException;

    /**
     * Entries with {@code from <= key < to} in ascending key order; {@code from == null} means from the first key,
     * {@code to == null} means to the end.
     */
    Iterator<KvEntry> range(Database db, Bytes from, Bytes to) throws StoreException;

    /** Entries whose key starts with the prefix, ascending. */
    Iterator<KvEntry> prefix(Database db, Bytes prefix) throws StoreException;

    /** Entries whose key starts with the prefix, descending (the first one is the greatest key with that prefix). */
    Iterator<KvEntry> prefixDescending(Database db, Bytes prefix) throws StoreException;

    /**
     * Entries with {@code from <= key < to} in descending key order (starting at the greatest key below {@code to});
     * {@code from == null} means down to the first key, {@code to == null} means from the last key.
     */
    Iterator<KvEntry> rangeDescending(Database db, Bytes from, Bytes to) throws StoreException;

    @Override
    void close();
}
