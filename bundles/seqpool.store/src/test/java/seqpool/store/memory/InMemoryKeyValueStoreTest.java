package seqpool.store.memory;

import seqpool.api.store.KeyValueStore;
import seqpool.store.contract.KeyValueStoreContract;

class InMemoryKeyValueStoreTest extends KeyValueStoreContract {
    @Override
    protected KeyValueStore openStore(long sizeBytes, int maxDatabases) {
        return new InMemoryKeyValueStore(sizeBytes, maxDatabases);
    }

    @Override
    protected void closeStore(KeyValueStore s) {
        ((InMemoryKeyValueStore) s).close();
    }
}
