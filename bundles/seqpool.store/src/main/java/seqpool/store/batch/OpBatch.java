package seqpool.store.batch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import seqpool.api.common.Bytes;
import seqpool.api.store.Database;
import seqpool.api.store.WriteBatch;

/**
 * The write batch every backend uses: it records validated operations; the owning store applies them in one
 * transaction. Not thread-safe (as {@link WriteBatch} says).
 */
public final class OpBatch implements WriteBatch {
    private final Object owner;
    private final List<BatchOp> ops = new ArrayList<>();
    private boolean committed;

    public OpBatch(Object owner) {
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    @Override
    public WriteBatch put(Database db, Bytes key, Bytes value) {
        checkOpen();
        checkKey(db, key);
        Objects.requireNonNull(value, "value");
        ops.add(new BatchOp.Put(db, key, value));
        return this;
    }

    @Override
    public WriteBatch delete(Database db, Bytes key) {
        checkOpen();
        checkKey(db, key);
        ops.add(new BatchOp.Delete(db, key));
        return this;
    }

    @Override
    public WriteBatch deleteRange(Database db, Bytes from, Bytes to) {
        checkOpen();
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(from, "from");
        if (to != null && from.compareTo(to) > 0) {
            throw new IllegalArgumentException("deleteRange on " + db.name() + ": from " + from + " is after to " + to);
        }
        ops.add(new BatchOp.DeleteRange(db, from, to));
        return this;
    }

    @Override
    public int size() {
        return ops.size();
    }

    /**
     * Called by the owning store before it applies the batch: checks the batch belongs to it and was not committed
     * before. Returns the operations in order.
     */
    public static OpBatch of(WriteBatch batch, Object store) {
        if (!(batch instanceof OpBatch b) || b.owner != store) {
            throw new IllegalArgumentException("the batch was not made by this store (use its newBatch())");
        }
        if (b.committed) {
            throw new IllegalStateException("the batch was already committed");
        }
        return b;
    }

    /** The operations, in the order they were added. */
    public List<BatchOp> ops() {
        return Collections.unmodifiableList(ops);
    }

    /** Called by the owning store once the batch is durable; a failed commit leaves the batch committable. */
    public void markCommitted() {
        committed = true;
    }

    private void checkOpen() {
        if (committed) {
            throw new IllegalStateException("the batch was already committed");
        }
    }

    private static void checkKey(Database db, Bytes key) {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(key, "key");
        if (key.size() == 0 || key.size() > MAX_KEY_SIZE) {
            throw new IllegalArgumentException("key for " + db.name() + " has " + key.size()
                    + " bytes; keys are 1.." + MAX_KEY_SIZE + " bytes");
        }
    }
}
