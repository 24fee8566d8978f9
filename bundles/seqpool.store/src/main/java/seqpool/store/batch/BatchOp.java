package seqpool.store.batch;

import seqpool.api.common.Bytes;
import seqpool.api.store.Database;

/** One operation of a write batch, as recorded by {@link OpBatch}; every backend applies these in order. */
public sealed interface BatchOp {
    Database db();

    /** Sets {@code key} to {@code value}. */
    record Put(Database db, Bytes key, Bytes value) implements BatchOp {
    }

    /** Removes {@code key}. */
    record Delete(Database db, Bytes key) implements BatchOp {
    }

    /** Removes every key k with {@code from <= k < to}; {@code to == null} means to the end. */
    record DeleteRange(Database db, Bytes from, Bytes to) implements BatchOp {
    }
}
