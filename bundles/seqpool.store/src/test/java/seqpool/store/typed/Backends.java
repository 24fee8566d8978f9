package seqpool.store.typed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import seqpool.api.store.KeyValueStore;
import seqpool.store.lmdb.LmdbKeyValueStore;
import seqpool.store.lmdb.LmdbStoreConfig;
import seqpool.store.memory.InMemoryKeyValueStore;

/** The two backends, for tests that run on both. */
enum Backends {
    MEMORY, LMDB;

    static Stream<Backends> all() {
        return Stream.of(values());
    }

    /** Opens a store in {@code dir} (ignored by MEMORY); the caller closes it. */
    AutoCloseableStore open(Path dir) throws Exception {
        if (this == MEMORY) {
            InMemoryKeyValueStore s = new InMemoryKeyValueStore();
            return new AutoCloseableStore(s, s::close);
        }
        LmdbKeyValueStore s = LmdbKeyValueStore.open(LmdbStoreConfig.ofMegabytes(Files.createDirectories(dir), 16, 16));
        return new AutoCloseableStore(s, s::close);
    }

    record AutoCloseableStore(KeyValueStore store, Runnable closer) implements AutoCloseable {
        @Override
        public void close() {
            closer.run();
        }
    }
}
