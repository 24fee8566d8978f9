package seqpool.api.store;

import org.osgi.annotation.versioning.ProviderType;

import seqpool.api.common.Bytes;

/**
 * Operations to apply atomically with {@link KeyValueStore#commit(WriteBatch)}, in the order they were added (a later
 * operation on the same key wins). Not thread-safe. A batch can be committed once, and only to the store that made it.
 *
 * <p>Keys are 1 to {@link #MAX_KEY_SIZE} bytes (LMDB's limit); a key outside that range is rejected with an
 * {@link IllegalArgumentException} when it is added, naming the database and the key size. Values may be empty.
 */
@ProviderType
public interface WriteBatch {
    /** The longest key any backend accepts, in bytes. */
    int MAX_KEY_SIZE = 511;

    /** Sets the key to the value, replacing any previous value. */
    WriteBatch put(Database db, Bytes key, Bytes value);

    /** Removes the key; removing an absent key is not an error. */
    WriteBatch delete(Database db, Bytes key);

    /** Deletes every key k with {@code from <= k < to}; {@code to == null} means to the end of the database. */
    WriteBatch deleteRange(Database db, Bytes from, Bytes to);

    /** The number of operations added so far. */
    int size();
}
