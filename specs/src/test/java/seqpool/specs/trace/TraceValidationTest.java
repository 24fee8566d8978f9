package seqpool.specs.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;

import seqpool.specs.SpecsPaths;

/**
 * The committed sample traces (specs/traces, DESIGN.md §5 format): the legal ones are accepted, and each
 * handcrafted illegal one is rejected at the exact line of its illegal event.
 */
class TraceValidationTest {
    private final TraceValidator validator =
            new TraceValidator(SpecsPaths.runner(), SpecsPaths.specDir(), SpecsPaths.workDir());

    private ValidationResult check(TraceBinding binding, String file) {
        return validator.validate(binding, SpecsPaths.traceDir().resolve(file), file.replace(".ndjson", ""));
    }

    private static void assertRejectedAt(ValidationResult r, int line, String event) {
        ValidationResult.Rejected rej = assertInstanceOf(ValidationResult.Rejected.class, r, r::toString);
        assertEquals(line, rej.line(), r::toString);
        assertEquals(event, rej.event().event(), r::toString);
    }

    @Test
    void epochRotationValidTraceIsAccepted() {
        ValidationResult r = check(new EpochRotationBinding(Set.of()), "epoch-rotation-valid.ndjson");
        assertTrue(r.accepted(), r::toString);
    }

    @Test
    void twoProducersForOneHeightAreRejected() {
        assertRejectedAt(check(new EpochRotationBinding(Set.of()), "epoch-rotation-two-producers.ndjson"),
                8, "BlockProduced");
    }

    @Test
    void rotationToAJailedValidatorIsRejected() {
        assertRejectedAt(check(new EpochRotationBinding(Set.of()), "epoch-rotation-jailed-assigned.ndjson"),
                13, "Rotated");
    }

    @Test
    void resharingValidTraceIsAccepted() {
        ValidationResult r = check(new ResharingBinding(Set.of()), "resharing-valid.ndjson");
        assertTrue(r.accepted(), r::toString);
    }

    @Test
    void signingWithMixedGenerationsIsRejected() {
        assertRejectedAt(check(new ResharingBinding(Set.of()), "resharing-mixed-generations.ndjson"), 23, "Signed");
    }

    @Test
    void erasingBeforeTheNewGenerationCompletesIsRejected() {
        assertRejectedAt(check(new ResharingBinding(Set.of()), "resharing-erase-before-complete.ndjson"),
                19, "GenerationErased");
    }

    @Test
    void tendermintValidTraceIsAccepted() {
        ValidationResult r = check(new TendermintBinding(Set.of()), "tendermint-valid.ndjson");
        assertTrue(r.accepted(), r::toString);
    }

    @Test
    void byzantineEquivocationIsAcceptedOnlyFromTheByzantineNode() {
        ValidationResult byz = check(new TendermintBinding(Set.of("n4")), "tendermint-equivocation.ndjson");
        assertTrue(byz.accepted(), byz::toString);
        assertRejectedAt(check(new TendermintBinding(Set.of()), "tendermint-equivocation.ndjson"), 3, "Prevote");
    }

    @Test
    void decisionWithoutQuorumIsRejected() {
        assertRejectedAt(check(new TendermintBinding(Set.of()), "tendermint-decide-without-quorum.ndjson"),
                9, "Decide");
    }

    @Test
    void unknownEventFailsWithTheLine() {
        ValidationResult r = validator.validate(new TendermintBinding(Set.of()),
                TraceReader.parse(java.util.List.of("{\"seq\":1,\"node\":\"n1\",\"event\":\"Vote\",\"height\":1}")),
                "unknown-event");
        assertInstanceOf(ValidationResult.Failed.class, r);
        assertTrue(r.toString().contains("line 1"), r::toString);
    }

    static Path trace(String name) {
        return SpecsPaths.traceDir().resolve(name);
    }
}
