package seqpool.store.typed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import seqpool.api.store.StoreException;

/**
 * A module that moves from a v1 layout (height as UTF-8 text key) to a v2 layout (height as UINT64 key) and then adds
 * an index: steps run once, atomically with their version, and a failed step leaves nothing behind.
 */
class SchemaMigratorTest {
    static final String MODULE = "demo";
    static final Column<String, String> ITEMS_V1 = Column.of("demo.items.v1", Serializers.UTF8, Serializers.UTF8);
    static final Column<Long, String> ITEMS_V2 = Column.of("demo.items.v2", Serializers.UINT64, Serializers.UTF8);
    static final Column<String, Long> BY_VALUE = Column.of("demo.byvalue.v1", Serializers.UTF8, Serializers.UINT64);

    @TempDir
    Path tmp;

    static java.util.stream.Stream<Backends> backends() {
        return Backends.all();
    }

    /** 0 → 1: the initial layout; writes one marker (fresh modules start empty). */
    static final class Create implements Migration {
        final AtomicInteger runs = new AtomicInteger();

        @Override
        public int fromVersion() {
            return 0;
        }

        @Override
        public String description() {
            return "create demo.items.v1";
        }

        @Override
        public void migrate(TypedSnapshot before, TypedBatch batch) throws StoreException {
            runs.incrementAndGet();
            batch.put(ITEMS_V1, "10", "ten").put(ITEMS_V1, "9", "nine").put(ITEMS_V1, "100", "hundred");
        }
    }

    /** 1 → 2: re-key items by number, drop the old database. */
    static final class Rekey implements Migration {
        final AtomicInteger runs = new AtomicInteger();

        @Override
        public int fromVersion() {
            return 1;
        }

        @Override
        public String description() {
            return "demo.items.v1 -> demo.items.v2 (numeric keys)";
        }

        @Override
        public void migrate(TypedSnapshot before, TypedBatch batch) throws StoreException {
            runs.incrementAndGet();
            for (Iterator<ColumnEntry<String, String>> it = before.all(ITEMS_V1); it.hasNext(); ) {
                ColumnEntry<String, String> e = it.next();
                batch.put(ITEMS_V2, Long.parseLong(e.key()), e.value());
            }
            batch.clear(ITEMS_V1);
        }
    }

    /** 2 → 3: an index; fails on demand after writing, to show that nothing of a failed step is kept. */
    static final class Index implements Migration {
        boolean fail;

        @Override
        public int fromVersion() {
            return 2;
        }

        @Override
        public String description() {
            return "index demo.byvalue.v1";
        }

        @Override
        public void migrate(TypedSnapshot before, TypedBatch batch) throws StoreException {
            for (Iterator<ColumnEntry<Long, String>> it = before.all(ITEMS_V2); it.hasNext(); ) {
                ColumnEntry<Long, String> e = it.next();
                batch.put(BY_VALUE, e.value(), e.key());
            }
            if (fail) {
                throw new StoreException("simulated failure in step 2 -> 3");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void migratesStepByStepOnceAndResumesAfterAFailedStep(Backends backend) throws Exception {
        try (var s = backend.open(tmp.resolve("db"))) {
            TypedStore store = new TypedStore(s.store());
            SchemaMigrator migrator = new SchemaMigrator(store);
            Create create = new Create();
            Rekey rekey = new Rekey();
            Index index = new Index();
            assertEquals(new SchemaVersion(MODULE, 0), migrator.current(MODULE));

            assertEquals(new SchemaVersion(MODULE, 2), migrator.migrate(MODULE, 2, List.of(create, rekey)));
            assertEquals(List.of(9L, 10L, 100L), keys(store, ITEMS_V2));
            assertEquals(List.of(), keys(store, ITEMS_V1));

            // idempotent: a second run (e.g. the next bundle start) runs nothing
            migrator.migrate(MODULE, 2, List.of(create, rekey));
            assertEquals(1, create.runs.get());
            assertEquals(1, rekey.runs.get());

            // a failing step leaves the version and the data as they were
            index.fail = true;
            StoreException failed = assertThrows(StoreException.class,
                    () -> migrator.migrate(MODULE, 3, List.of(create, rekey, index)));
            assertTrue(failed.getMessage().contains("simulated"), failed.getMessage());
            assertEquals(2, migrator.current(MODULE).version());
            assertEquals(Optional.empty(), store.get(BY_VALUE, "ten"));

            index.fail = false;
            migrator.migrate(MODULE, 3, List.of(create, rekey, index));
            assertEquals(3, migrator.current(MODULE).version());
            assertEquals(Optional.of(10L), store.get(BY_VALUE, "ten"));
            assertEquals(1, rekey.runs.get());

            // another module's version is independent
            assertEquals(0, migrator.current("other").version());
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void refusesNewerSchemaAndGapsInTheSteps(Backends backend) throws Exception {
        try (var s = backend.open(tmp.resolve("db"))) {
            TypedStore store = new TypedStore(s.store());
            SchemaMigrator migrator = new SchemaMigrator(store);
            migrator.migrate(MODULE, 2, List.of(new Create(), new Rekey()));
            StoreException newer = assertThrows(StoreException.class,
                    () -> migrator.migrate(MODULE, 1, List.of(new Create())));
            assertTrue(newer.getMessage().contains("newer"), newer.getMessage());
            IllegalArgumentException gap = assertThrows(IllegalArgumentException.class,
                    () -> migrator.migrate(MODULE, 4, List.of(new Index())));
            assertTrue(gap.getMessage().contains("from version 3"), gap.getMessage());
            assertEquals(2, migrator.current(MODULE).version(), "a rejected plan changes nothing");
            IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                    () -> migrator.migrate(MODULE, 3, List.of(new Index(), new Index())));
            assertTrue(twice.getMessage().contains("two migrations"), twice.getMessage());
            assertThrows(IllegalArgumentException.class, () -> migrator.current("Bad Name"));
        }
    }

    private static <K, V> List<K> keys(TypedStore store, Column<K, V> column) throws StoreException {
        List<K> out = new ArrayList<>();
        try (TypedSnapshot snap = store.snapshot()) {
            snap.all(column).forEachRemaining(e -> out.add(e.key()));
        }
        return out;
    }
}
