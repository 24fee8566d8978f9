package seqpool.bench.consensus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time (user + system, from /proc/self/task) of this process's threads grouped by name with digits removed
 * ("GC Thread#0" → "GC Thread#"; every "p2p-io-…" thread → "p2p-io"), so a run can say where its CPU went: the event loops (TLS, p2p,
 * vote signature checks), the consensus threads, the GC and the JIT. Linux only; elsewhere the snapshot is empty.
 */
final class ThreadCpu {
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private ThreadCpu() {
    }

    /** Milliseconds of CPU per thread-name group since the process started. */
    static Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return out;
        }
        try (Stream<Path> list = Files.list(tasks)) {
            for (Path t : (Iterable<Path>) list::iterator) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
                    String group = name.startsWith("p2p-io") ? "p2p-io" : name.replaceAll("[0-9]+", "").trim();
                    out.merge(group, ticks * 1000 / TICKS_PER_SECOND, Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while being read
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** The groups' CPU between two snapshots, largest first, as "name ms (share)". */
    static String delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new TreeMap<>();
        after.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0L)));
        long total = d.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder sb = new StringBuilder("cpu by thread group: total " + total + " ms");
        d.entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(8).forEach(e -> sb.append(String.format("; %s %d ms (%.0f%%)", e.getKey(), e.getValue(),
                        100.0 * e.getValue() / Math.max(1, total))));
        return sb.toString();
    }
}
