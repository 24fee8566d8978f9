package seqpool.specs.tlc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import seqpool.specs.SpecsPaths;

/**
 * Runs every committed TLC model in {@code tla/}: a model marked {@code expect: pass} must pass, and every mutant
 * ({@code expect: invariant X} / {@code property X}) must be refuted by TLC with exactly that invariant, which shows
 * that the invariant is not vacuous. Select models with {@code -Dspecs.model=NAME}; add the large ones with
 * {@code -Dspecs.large=true}.
 */
class ModelCheckTest {

    @TestFactory
    Stream<DynamicTest> everyModelMeetsItsExpectation() {
        List<Model> models = Model.all(SpecsPaths.specDir(), SpecsPaths.modelFilter(), Boolean.getBoolean("specs.large"));
        if (SpecsPaths.modelFilter().isBlank()) {
            assertFalse(models.isEmpty(), "no models found in " + SpecsPaths.specDir());
        }
        TlcRunner runner = SpecsPaths.runner();
        return models.stream().map(m -> DynamicTest.dynamicTest(m.name() + (m.mutant() ? " is refuted" : " passes"),
                () -> {
                    TlcResult r = m.check(runner, SpecsPaths.specDir());
                    assertNull(m.mismatch(r), () -> m.mismatch(r) + "\n" + r.tail(40));
                }));
    }
}
