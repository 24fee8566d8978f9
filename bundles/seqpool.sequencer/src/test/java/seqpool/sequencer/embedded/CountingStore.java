package seqpool.sequencer.embedded;

import java.util.Set;

import seqpool.api.store.Database;
import seqpool.api.store.DatabaseName;
import seqpool.api.store.KeyValueStore;
import seqpool.api.store.ReadSnapshot;
import seqpool.api.store.StoreException;
import seqpool.api.store.StoreStats;
import seqpool.api.store.WriteBatch;
import seqpool.store.memory.InMemoryKeyValueStore;

/** An in-memory store that counts commits and can be told to fail the next one. */
final class CountingStore implements KeyValueStore {
    private final InMemoryKeyValueStore inner = new InMemoryKeyValueStore();
    int commits;
    boolean failNext;

    @Override
    public Database database(DatabaseName name) throws StoreException {
        return inner.database(name);
    }

    @Override
    public Set<DatabaseName> databases() throws StoreException {
        return inner.databases();
    }

    @Override
    public WriteBatch newBatch() {
        return inner.newBatch();
    }

    @Override
    public void commit(WriteBatch batch) throws StoreException {
        if (failNext) {
            failNext = false;
            throw new StoreException("injected failure");
        }
        commits++;
        inner.commit(batch);
    }

    @Override
    public ReadSnapshot snapshot() throws StoreException {
        return inner.snapshot();
    }

    @Override
    public StoreStats stats() throws StoreException {
        return inner.stats();
    }
}
