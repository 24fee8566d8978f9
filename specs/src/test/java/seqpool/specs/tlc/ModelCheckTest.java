package seqpool.specs.tlc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import seqpool.specs.SpecsPaths;

/**
 * Runs every committed TLC model in {@code tla/}: a model marked {@code expect: pass} must pass, and every mutant
 * ({@code expect: invariant X} / {@code property X}) must be refuted by TLC with exactly that invariant, which shows
 * that the invariant is not vacuous. Select models with {@code -Dspecs.model=NAME}; add the large ones with
 * {@code -Dspecs.large=true}. Each run's distinct states and wall time go to {@code target/tlc/models.tsv} (the
 * numbers docs/specs.md quotes).
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
        write(summary, "model\texpect\toutcome\tdistinct states\twall seconds\n", StandardOpenOption.TRUNCATE_EXISTING);
        return models.stream().map(m -> DynamicTest.dynamicTest(m.name() + (m.mutant() ? " is refuted" : " passes"),
                () -> {
                    long start = System.nanoTime();
                    TlcResult r = m.check(runner, SpecsPaths.specDir());
                    write(summary, String.format(Locale.ROOT, "%s\t%s\t%s\t%d\t%.1f%n", m.name(),
                            m.mutant() ? m.violated() : "pass", r.outcome(), r.distinctStates(),
                            (System.nanoTime() - start) / 1e9), StandardOpenOption.APPEND);
                    assertNull(m.mismatch(r), () -> m.mismatch(r) + "\n" + r.tail(40));
                }));
    }

    private static void write(Path file, String text, StandardOpenOption mode) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, mode,
                    StandardOpenOption.WRITE);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
