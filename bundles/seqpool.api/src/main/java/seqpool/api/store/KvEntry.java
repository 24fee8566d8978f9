package seqpool.api.store;

import seqpool.api.common.Bytes;

/** One key and its value. */
public record KvEntry(Bytes key, Bytes value) {
    public KvEntry {
        if (key == null || value == null) {
            throw new IllegalArgumentException("key and value are required");
        }
    }
}
