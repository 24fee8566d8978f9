package seqpool.specs.tlc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import seqpool.specs.SpecsPaths;

/**
 * Runs every committed TLC model in {@code tla/}: a model marked {@code expect: pass} must pass, and every mutant
 * ({@code expect: invariant X} / {@code property X}) must be refuted by TLC with exactly that invariant, which shows
 * that the invariant is not vacuous. Select models with {@code -Dspecs.model=NAME}; add the large ones with
 * {@code -Dspecs.large=true}. Up to {@code specs.parallel} (default 2) TLC runs go at once. Each run's distinct states and wall time go to {@code target/tlc/models.tsv}; the
 * last test compares the state counts with docs/specs.md's model table ({@link ModelTable}), writes the measured
 * table to {@code target/tlc/models-table.md}, and with {@code -Dspecs.docs.update=true} rewrites the doc's rows of
 * the models that ran instead of failing.
 */
class ModelCheckTest {

    @TestFactory
    Stream<DynamicTest> everyModelMeetsItsExpectation() {
        List<Model> models = Model.all(SpecsPaths.specDir(), SpecsPaths.modelFilter(), Boolean.getBoolean("specs.large"));
        if (SpecsPaths.modelFilter().isBlank()) {
            assertFalse(models.isEmpty(), "no models found in " + SpecsPaths.specDir());
        }
        TlcRunner runner = SpecsPaths.runner();
        Path summary = SpecsPaths.workDir().resolve("models.tsv");
        write(summary, "model\tmode\texpect\toutcome\tdistinct states\tstates generated\twall seconds\n",
                StandardOpenOption.TRUNCATE_EXISTING);
        Queue<ModelTable.Measured> measured = new ConcurrentLinkedQueue<>();
        // Up to specs.parallel TLC runs at once (each with one worker, so every count stays exact), the longest ones
        // (by the doc's last measured time) first; each test waits for its own run.
        Map<String, Double> lastTimes = ModelTable.seconds(SpecsPaths.specsDoc());
        ExecutorService pool = Executors.newFixedThreadPool(SpecsPaths.parallelRuns(), r -> {
            Thread t = new Thread(r, "tlc-model");
            t.setDaemon(true);
            return t;
        });
        Map<Model, Future<ModelTable.Measured>> runs = new HashMap<>();
        models.stream().sorted(Comparator.comparingDouble(
                (Model m) -> -lastTimes.getOrDefault(ModelTable.tableName(m), 1e9)))
                .forEach(m -> runs.put(m, pool.submit(() -> {
                    long start = System.nanoTime();
                    TlcResult r = m.check(runner, SpecsPaths.specDir());
                    return new ModelTable.Measured(m, r, (System.nanoTime() - start) / 1e9);
                })));
        pool.shutdown();
        Stream<DynamicTest> checks = models.stream().map(m -> DynamicTest.dynamicTest(m.name()
                + (m.mutant() ? " is refuted" : " passes"), () -> {
                    ModelTable.Measured x = runs.get(m).get();
                    TlcResult r = x.result();
                    write(summary, String.format(Locale.ROOT, "%s\t%s\t%s\t%s\t%d\t%d\t%.1f%n", m.name(),
                            m.simulated() ? "simulate" : "exhaustive", m.mutant() ? m.violated() : "pass",
                            r.outcome(), r.distinctStates(), r.statesGenerated(), x.seconds()), StandardOpenOption.APPEND);
                    assertNull(m.mismatch(r), () -> m.mismatch(r) + "\n" + r.tail(40));
                    measured.add(x);
                }));
        DynamicTest docs = DynamicTest.dynamicTest("docs/specs.md's model table has the measured state counts",
                () -> checkDocs(measured));
        return Stream.concat(checks, Stream.of(docs));
    }

    private static void checkDocs(Queue<ModelTable.Measured> measured) {
        Path doc = SpecsPaths.specsDoc();
        if (measured.isEmpty() || !Files.exists(doc)) {
            return;
        }
        write(SpecsPaths.workDir().resolve("models-table.md"), ModelTable.render(java.util.Map.of(), measured),
                StandardOpenOption.TRUNCATE_EXISTING);
        if (Boolean.getBoolean("specs.docs.update")) {
            ModelTable.update(doc, measured);
            return;
        }
        List<String> wrong = ModelTable.mismatches(ModelTable.read(doc), measured);
        assertTrue(wrong.isEmpty(), () -> doc + ": the model table differs from this run (rewrite the rows with "
                + "-Dspecs.docs.update=true; the measured rows are in target/tlc/models-table.md):\n"
                + String.join("\n", wrong));
    }

    private static synchronized void write(Path file, String text, StandardOpenOption mode) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, mode,
                    StandardOpenOption.WRITE);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
