package seqpool.bridge.testing;

import java.util.Set;

import seqpool.api.store.Database;
import seqpool.api.store.DatabaseName;
import seqpool.api.store.KeyValueStore;
import seqpool.api.store.ReadSnapshot;
import seqpool.api.store.StoreException;
import seqpool.api.store.StoreStats;
import seqpool.api.store.WriteBatch;

/** A store that fails its next commit on request (nothing of that batch is applied), otherwise the delegate's. */
public final class FailingStore implements KeyValueStore {
    private final KeyValueStore delegate;
    private final java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();

    public FailingStore(KeyValueStore delegate) {
        this.delegate = delegate;
    }

    public void failNextCommit() {
        failNextCommits(1);
    }

    public void failNextCommits(int n) {
        failures.set(n);
    }

    @Override
    public Database database(DatabaseName name) throws StoreException {
        return delegate.database(name);
    }

    @Override
    public Set<DatabaseName> databases() throws StoreException {
        return delegate.databases();
    }

    @Override
    public WriteBatch newBatch() {
        return delegate.newBatch();
    }

    @Override
    public void commit(WriteBatch batch) throws StoreException {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new StoreException("injected commit failure");
        }
        delegate.commit(batch);
    }

    @Override
    public ReadSnapshot snapshot() throws StoreException {
        return delegate.snapshot();
    }

    @Override
    public StoreStats stats() throws StoreException {
        return delegate.stats();
    }
}
