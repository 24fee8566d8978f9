package seqpool.bench.sequencer;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.sequencer.BlockExecution;
import seqpool.api.sequencer.TxCheck;
import seqpool.api.store.KeyValueStore;
import seqpool.sequencer.embedded.EmbeddedConfig;
import seqpool.sequencer.embedded.EmbeddedEngine;
import seqpool.store.lmdb.LmdbKeyValueStore;
import seqpool.store.lmdb.LmdbStoreConfig;
import seqpool.store.memory.InMemoryKeyValueStore;

/**
 * The embedded engine on a block of {@link #TXS} EIP-1559 transfers, each from its own funded sender to one of 1,000
 * recipients, signed with web3j. One operation = one block:
 * <ul>
 * <li>{@code admitProduceReplay}: the producer admits the 1,000 raw transactions ({@code check}: decode + recover),
 * produces the block from its cached senders, and a fresh follower replays it (recovering again) — the whole path of
 * a block through two nodes;</li>
 * <li>{@code produceAdmitted}: {@code produce} alone, the senders admitted beforehand (no recovery);</li>
 * <li>{@code replay}: a follower's {@code replay} alone (1,000 recoveries, on the common pool when
 * {@code parallel});</li>
 * <li>{@code checkOne} (average time, µs): one admission with the sender cache disabled: decode, rules, the
 * signature recovery (which dominates) and the account checks.</li>
 * </ul>
 * Transfers per second = 1,000 / (seconds per op). Every iteration starts from fresh engines on a fresh store, so each
 * op executes block 1 on the same genesis. Run and figures: docs/sequencer.md ("Embedded engine").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/java.nio=ALL-UNNAMED",
        "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED"})
public class EmbeddedEngineBench {
    static final int TXS = 1_000;
    static final long CHAIN = 901;
    static final BigInteger GWEI = BigInteger.valueOf(1_000_000_000L);

    @Param({"memory", "lmdb"})
    public String backend;

    @Param({"true", "false"})
    public boolean parallel;

    private List<Bytes> block;
    private EmbeddedConfig config;
    private BlockExecution produced;
    private final List<Path> dirs = new ArrayList<>();
    private final List<AutoCloseable> stores = new ArrayList<>();
    private EmbeddedEngine producer;
    private EmbeddedEngine follower;

    @Setup(Level.Trial)
    public void sign() throws Exception {
        Map<Address, BigInteger> alloc = new TreeMap<>();
        block = new ArrayList<>(TXS);
        for (int i = 0; i < TXS; i++) {
            Credentials key = Credentials.create(ECKeyPair.create(BigInteger.valueOf(0x5e0000L + i)));
            alloc.put(Address.fromHex(key.getAddress()), BigInteger.TEN.pow(18));
            byte[] to = new byte[20];
            to[0] = (byte) 0xee;
            to[18] = (byte) (i >>> 8);
            to[19] = (byte) i;
            RawTransaction tx = RawTransaction.createEtherTransaction(CHAIN, BigInteger.ZERO,
                    BigInteger.valueOf(21_000), new Address(Bytes.wrap(to)).toHex(), BigInteger.valueOf(1 + i),
                    GWEI, GWEI.multiply(BigInteger.TWO));
            block.add(Bytes.wrap(TransactionEncoder.signMessage(tx, key)));
        }
        config = EmbeddedConfig.of(CHAIN, alloc).withParallelRecovery(parallel);
        EmbeddedEngine once = EmbeddedEngine.open(new InMemoryKeyValueStore(), config);
        produced = once.produce(1, 1_000, block);
        if (produced.included().size() != TXS) {
            throw new IllegalStateException("only " + produced.included().size() + " of the block are valid: "
                    + produced.rejected());
        }
    }

    @Setup(Level.Iteration)
    public void engines() throws Exception {
        producer = EmbeddedEngine.open(store(), config);
        follower = EmbeddedEngine.open(store(), config);
    }

    /** For {@code produceAdmitted}: the producer's senders are known before the measured call. */
    public void admitAll() {
        for (Bytes raw : block) {
            if (!(producer.check(raw) instanceof TxCheck.Valid)) {
                throw new IllegalStateException("not admitted");
            }
        }
    }

    @TearDown(Level.Iteration)
    public void close() throws Exception {
        for (AutoCloseable c : stores) {
            c.close();
        }
        stores.clear();
        for (Path dir : dirs) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        dirs.clear();
    }

    private KeyValueStore store() throws Exception {
        if (backend.equals("lmdb")) {
            Path dir = Files.createTempDirectory("seqpool-embeddedbench");
            dirs.add(dir);
            LmdbKeyValueStore s = LmdbKeyValueStore.open(LmdbStoreConfig.ofMegabytes(dir, 1024, 16));
            stores.add(s);
            return s;
        }
        return new InMemoryKeyValueStore();
    }

    @Benchmark
    public BlockExecution admitProduceReplay() throws Exception {
        admitAll();
        BlockExecution b = producer.produce(1, 1_000, block);
        return follower.replay(1, 1_000, b.included(), b.stateRoot());
    }

    @Benchmark
    public BlockExecution replay() throws Exception {
        return follower.replay(1, 1_000, produced.included(), produced.stateRoot());
    }

    /** The producer alone with its senders admitted in the iteration's setup. */
    @State(Scope.Benchmark)
    public static class Admitted {
        EmbeddedEngineBench bench;

        @Setup(Level.Iteration)
        public void admit(EmbeddedEngineBench b) {
            bench = b;
            b.admitAll();
        }
    }

    @Benchmark
    public BlockExecution produceAdmitted(Admitted admitted) throws Exception {
        return producer.produce(1, 1_000, block);
    }

    /** An engine whose sender cache holds one entry: every {@code check} of the ring recovers again. */
    @State(Scope.Thread)
    public static class Uncached {
        EmbeddedEngine engine;
        List<Bytes> ring;
        int next;

        @Setup(Level.Trial)
        public void open(EmbeddedEngineBench b) throws Exception {
            engine = EmbeddedEngine.open(new InMemoryKeyValueStore(), b.config.withSenderCacheSize(1));
            ring = b.block;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public TxCheck checkOne(Uncached u) {
        u.next = (u.next + 1) % u.ring.size();
        return u.engine.check(u.ring.get(u.next));
    }
}
