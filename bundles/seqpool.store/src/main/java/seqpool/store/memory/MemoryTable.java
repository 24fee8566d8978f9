package seqpool.store.memory;

import java.util.TreeMap;

import seqpool.api.common.Bytes;

/**
 * One database's entries. A table that an open snapshot pins is never changed again: the next commit that touches the
 * database copies it first (copy-on-write), so snapshots stay consistent without copying on every commit.
 * Guarded by the store's lock, except that a pinned table's entries may be read without it.
 */
final class MemoryTable {
    final TreeMap<Bytes, Bytes> entries;
    int pins;

    MemoryTable(TreeMap<Bytes, Bytes> entries) {
        this.entries = entries;
    }

    MemoryTable copy() {
        return new MemoryTable(new TreeMap<>(entries));
    }
}
