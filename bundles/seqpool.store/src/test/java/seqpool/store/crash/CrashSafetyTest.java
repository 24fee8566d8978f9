package seqpool.store.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import seqpool.api.store.Database;
import seqpool.api.store.KvEntry;
import seqpool.api.store.ReadSnapshot;
import seqpool.store.lmdb.LmdbKeyValueStore;
import seqpool.store.lmdb.LmdbStoreConfig;

/**
 * Kills a writer JVM with SIGKILL in the middle of committing, several times, and checks after each kill that every
 * batch is in the store whole or not at all, and that every batch whose commit had returned is there.
 * Rounds: {@code -Dseqpool.store.crash.rounds=N} (default 5); the seed is printed so a failure can be replayed
 * with {@code -Dseqpool.store.crash.seed=S}.
 */
class CrashSafetyTest {
    @TempDir
    Path tmp;

    @Test
    void killedWriterLeavesOnlyWholeBatches() throws Exception {
        int rounds = Integer.getInteger("seqpool.store.crash.rounds", 5);
        long seed = Long.getLong("seqpool.store.crash.seed", System.nanoTime());
        System.out.println("CrashSafetyTest: rounds=" + rounds + " seed=" + seed);
        SplittableRandom random = new SplittableRandom(seed);
        Path dir = tmp.resolve("store");
        long totalReported = 0;
        for (int round = 1; round <= rounds; round++) {
            long reported = runAndKill(dir, 50 + random.nextInt(600));
            long present = verify(dir, reported);
            assertTrue(present >= totalReported, "batches went missing across rounds");
            System.out.printf("round %d: last reported %d, present %d%n", round, reported, present);
            totalReported = Math.max(totalReported, reported);
        }
        assertTrue(totalReported > 0, "the writer never committed anything");
    }

    /** Starts the writer, lets it commit for {@code delayMs} after its first commit, kills it; the last reported N. */
    private long runAndKill(Path dir, int delayMs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java,
                "--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(), dir.toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        // The writer's reports go to a file, not a pipe: whatever it wrote before SIGKILL is in the file, so nothing
        // depends on how fast this JVM drains a pipe on a loaded machine.
        Path log = dir.resolveSibling(dir.getFileName() + ".writer.log");
        pb.redirectOutput(log.toFile());
        Process writer = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (lastReported(log) == 0) {
                if (System.nanoTime() > deadline || !writer.isAlive()) {
                    fail("the writer committed nothing within 60 s (alive=" + writer.isAlive() + ")");
                }
                Thread.sleep(5);
            }
            Thread.sleep(delayMs);
        } finally {
            writer.destroyForcibly();
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS), "the writer did not die");
        }
        assertEquals(137, writer.exitValue(), "the writer must die by SIGKILL, not exit on its own");
        return lastReported(log);
    }

    /** The last {@code committed N} line the writer wrote (a torn last line is ignored). */
    private static long lastReported(Path log) throws IOException {
        long last = 0;
        if (!Files.exists(log)) {
            return 0;
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("committed ") && text.contains(line + "\n")) {
                last = Math.max(last, Long.parseLong(line.substring(10).trim()));
            }
        }
        return last;
    }

    /** Checks the store; returns the highest batch present. */
    private long verify(Path dir, long reported) throws Exception {
        try (LmdbKeyValueStore store = LmdbKeyValueStore.open(LmdbStoreConfig.ofMegabytes(dir, 256, 4))) {
            TreeMap<Long, Integer> first = countByBatch(store, store.database(CrashWriter.FIRST));
            TreeMap<Long, Integer> second = countByBatch(store, store.database(CrashWriter.SECOND));
            assertEquals(first.keySet(), second.keySet(), "a batch is in one database but not the other");
            long expected = 1;
            for (var e : first.entrySet()) {
                assertEquals(expected, e.getKey(), "batches must be contiguous from 1");
                assertEquals(CrashWriter.KEYS_PER_DB, e.getValue(), "batch " + e.getKey() + " is partial in "
                        + CrashWriter.FIRST);
                assertEquals(CrashWriter.KEYS_PER_DB, second.get(e.getKey()), "batch " + e.getKey()
                        + " is partial in " + CrashWriter.SECOND);
                expected++;
            }
            long present = first.isEmpty() ? 0 : first.lastKey();
            assertTrue(present >= reported, "batch " + reported + " was reported committed but only " + present
                    + " are present");
            assertTrue(present <= reported + 1, "more than one unreported batch: " + present + " vs " + reported);
            return present;
        }
    }

    private static TreeMap<Long, Integer> countByBatch(LmdbKeyValueStore store, Database db) throws Exception {
        TreeMap<Long, Integer> counts = new TreeMap<>();
        List<String> bad = new ArrayList<>();
        try (ReadSnapshot s = store.snapshot()) {
            for (Iterator<KvEntry> it = s.range(db, null, null); it.hasNext(); ) {
                KvEntry e = it.next();
                long batch = CrashWriter.batchOf(e.key());
                int index = ((e.key().get(8) & 0xFF) << 8) | (e.key().get(9) & 0xFF);
                if (!e.value().equals(CrashWriter.value(batch, index))) {
                    bad.add(e.key().toString());
                }
                counts.merge(batch, 1, Integer::sum);
            }
        }
        assertTrue(bad.isEmpty(), "values that do not match their key in " + db.name() + ": " + bad);
        return counts;
    }
}
