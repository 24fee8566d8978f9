package seqpool.bench.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import seqpool.api.common.Bytes;
import seqpool.api.store.Database;
import seqpool.api.store.DatabaseName;
import seqpool.api.store.KeyValueStore;
import seqpool.api.store.KvEntry;
import seqpool.api.store.ReadSnapshot;
import seqpool.api.store.WriteBatch;
import seqpool.store.lmdb.LmdbKeyValueStore;
import seqpool.store.lmdb.LmdbStoreConfig;
import seqpool.store.memory.InMemoryKeyValueStore;

/**
 * Store throughput: committing a batch of 100 puts (one durable LMDB transaction), scanning 100 entries from a random
 * key, and reading one random key, on LMDB (on disk, synced commits) and on the in-memory backend for comparison.
 * Keys are 32 bytes, values 128 bytes; the database is pre-filled with {@link #PREFILL} entries.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/java.nio=ALL-UNNAMED",
        "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED"})
public class StoreBench {
    static final int PREFILL = 100_000;
    static final int BATCH = 100;
    static final int SCAN = 100;

    @Param({"lmdb", "memory"})
    public String backend;

    private Path dir;
    private KeyValueStore store;
    private Database db;
    private long nextKey = PREFILL;
    private final SplittableRandom random = new SplittableRandom(42);
    private final Bytes value = Bytes.wrap(new byte[128]);

    @Setup(Level.Trial)
    public void open() throws Exception {
        if (backend.equals("lmdb")) {
            dir = Files.createTempDirectory("seqpool-storebench");
            store = LmdbKeyValueStore.open(LmdbStoreConfig.ofMegabytes(dir, 4096, 4));
        } else {
            store = new InMemoryKeyValueStore();
        }
        db = store.database(DatabaseName.of("bench.values.v1"));
        for (int start = 0; start < PREFILL; start += 1000) {
            WriteBatch b = store.newBatch();
            for (int i = start; i < start + 1000; i++) {
                b.put(db, key(i), value);
            }
            store.commit(b);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        if (store instanceof AutoCloseable c) {
            c.close();
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** One commit of 100 puts of new keys; puts per second = score × 100. */
    @Benchmark
    public void commitBatchOf100() throws Exception {
        WriteBatch b = store.newBatch();
        for (int i = 0; i < BATCH; i++) {
            b.put(db, key(nextKey++), value);
        }
        store.commit(b);
    }

    /** A snapshot, a seek to a random key and 100 entries read in order. */
    @Benchmark
    public void rangeScan100(Blackhole bh) throws Exception {
        try (ReadSnapshot s = store.snapshot()) {
            Iterator<KvEntry> it = s.range(db, key(random.nextInt(PREFILL - SCAN)), null);
            for (int i = 0; i < SCAN && it.hasNext(); i++) {
                bh.consume(it.next());
            }
        }
    }

    /** One random point read (its own read transaction). */
    @Benchmark
    public void pointGet(Blackhole bh) throws Exception {
        bh.consume(store.get(db, key(random.nextInt(PREFILL))));
    }

    /** 32-byte keys: 24 bytes of prefix, then the number big-endian, so keys sort by number. */
    static Bytes key(long n) {
        byte[] k = new byte[32];
        for (int i = 0; i < 8; i++) {
            k[24 + i] = (byte) (n >>> (56 - 8 * i));
        }
        return Bytes.wrap(k);
    }
}
