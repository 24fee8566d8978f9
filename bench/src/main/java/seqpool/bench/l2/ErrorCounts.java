package seqpool.bench.l2;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Errors by message, counted: a load generator prints every kind it met rather than hiding them. */
final class ErrorCounts {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void add(String message) {
        counts.computeIfAbsent(message, k -> new LongAdder()).increment();
    }

    long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    void print(PrintStream out, String title) {
        out.printf("%s: %,d%n", title, total());
        new TreeMap<>(counts).forEach((m, c) -> out.printf("  %,8d  %s%n", c.sum(), m));
    }
}
