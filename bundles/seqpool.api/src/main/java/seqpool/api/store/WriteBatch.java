package seqpool.api.store;

import org.osgi.annotation.versioning.ProviderType;

import seqpool.api.common.Bytes;

/**
 * Operations to apply atomically with {@link KeyValueStore#commit(WriteBatch)}, in the order they were added.
 * Not thread-safe. A batch can be committed once.
 */
@ProviderType
public interface WriteBatch {
    WriteBatch put(Database db, Bytes key, Bytes value);

    WriteBatch delete(Database db, Bytes key);

    /** Deletes every key k with {@code from <= k < to}. */
    WriteBatch deleteRange(Database db, Bytes from, Bytes to);

    int size();
}
