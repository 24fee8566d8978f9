package seqpool.store.lmdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import seqpool.api.store.KeyValueStore;
import seqpool.store.contract.KeyValueStoreContract;

/** The store contract on real LMDB, each store in a fresh temporary directory. */
class LmdbKeyValueStoreTest extends KeyValueStoreContract {
    @Override
    protected KeyValueStore openStore(long sizeBytes, int maxDatabases) throws Exception {
        Path dir = Files.createTempDirectory("seqpool-store-test");
        return LmdbKeyValueStore.open(new LmdbStoreConfig(dir, sizeBytes, maxDatabases));
    }

    @Override
    protected void closeStore(KeyValueStore s) throws Exception {
        LmdbKeyValueStore store = (LmdbKeyValueStore) s;
        store.close();
        try (Stream<Path> files = Files.walk(store.path())) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
