package seqpool.store.memory;

import seqpool.api.store.Database;
import seqpool.api.store.DatabaseName;

/** A database handle of one {@link InMemoryKeyValueStore}. Immutable. */
final class MemoryDatabase implements Database {
    final InMemoryKeyValueStore owner;
    private final DatabaseName name;

    MemoryDatabase(InMemoryKeyValueStore owner, DatabaseName name) {
        this.owner = owner;
        this.name = name;
    }

    @Override
    public DatabaseName name() {
        return name;
    }

    @Override
    public String toString() {
        return "memory:" + name;
    }
}
