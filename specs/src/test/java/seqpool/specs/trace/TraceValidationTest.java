package seqpool.specs.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * Genesis n1..n4 (powers 10, 20, 10, 20) with their DKG committee, four epochs, a rotation by a >2/3 vote, a fault
     * and a jail (jailAfter = 1), n5 joining and becoming active after its committee, n1 leaving; recorded by two
     * nodes (each node's sequence is checked).
     */
    @Test
    void epochRotationValidTraceIsAccepted() {
        ValidationResult r = check(new EpochRotationBinding(Set.of()), "epoch-rotation-valid.ndjson");
        ValidationResult.Accepted ok = assertInstanceOf(ValidationResult.Accepted.class, r, r::toString);
        assertTrue(ok.details().contains("-part2"), () -> "both nodes' sequences are checked: " + ok.details());
    }

    @Test
    void twoProducersForOneHeightAreRejected() {
        assertRejectedAt(check(new EpochRotationBinding(Set.of()), "epoch-rotation-two-producers.ndjson"),
                10, "BlockProduced");
    }

    /** Votes of 30 out of 60 power are not more than 2/3. */
    @Test
    void rotationWithoutQuorumIsRejected() {
        assertRejectedAt(check(new EpochRotationBinding(Set.of()), "epoch-rotation-rotation-without-quorum.ndjson"),
                14, "Rotated");
    }

    @Test
    void assigningAJailedValidatorIsRejected() {
        assertRejectedAt(check(new EpochRotationBinding(Set.of()), "epoch-rotation-jailed-assigned.ndjson"),
                19, "EpochAssigned");
    }

    /** n5's stake is committed, but no committee including n5 is ready: it cannot produce in epoch 2. */
    @Test
    void joinTakingEffectBeforeItsCommitteeIsReadyIsRejected() {
        assertRejectedAt(check(new EpochRotationBinding(Set.of()), "epoch-rotation-join-before-committee.ndjson"),
                11, "EpochAssigned");
    }

    @Test
    void blockByTheRotatedOutProducerIsRejected() {
        assertRejectedAt(check(new EpochRotationBinding(Set.of()), "epoch-rotation-rotated-out-produces.ndjson"),
                18, "BlockProduced");
    }

    /** jailAfter = 2: the first fault must not jail. */
    @Test
    void jailingBeforeJailAfterFaultsIsRejected() {
        assertRejectedAt(check(new EpochRotationBinding(Set.of()), "epoch-rotation-jailed-early.ndjson"),
                17, "Jailed");
    }

    @Test
    void epochRotationTraceWithoutPosParamsFails() {
        List<String> lines = lines("epoch-rotation-two-producers.ndjson");
        lines.remove(0);
        ValidationResult r = validator.validate(new EpochRotationBinding(Set.of()), TraceReader.parse(lines),
                "epoch-no-params");
        assertInstanceOf(ValidationResult.Failed.class, r);
        assertTrue(r.toString().contains("PosParams"), r::toString);
    }

    /** Every node commits the same PoS state: a node whose sequence departs from another's fails the trace. */
    @Test
    void nodesThatDisagreeFail() {
        List<String> lines = lines("epoch-rotation-valid.ndjson");
        int i = lines.size() - 1;
        lines.set(i, lines.get(i).replace("\"height\":8", "\"height\":9"));
        ValidationResult r = validator.validate(new EpochRotationBinding(Set.of()), TraceReader.parse(lines),
                "epoch-disagree");
        assertInstanceOf(ValidationResult.Failed.class, r);
        assertTrue(r.toString().contains("line " + lines.size()) && r.toString().contains("disagrees"),
                r::toString);
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
        assertRejectedAt(check(new TendermintBinding(Set.of()), "tendermint-equivocation.ndjson"), 4, "Prevote");
    }

    @Test
    void decisionWithoutQuorumIsRejected() {
        assertRejectedAt(check(new TendermintBinding(Set.of()), "tendermint-decide-without-quorum.ndjson"),
                10, "Decide");
    }

    @Test
    void tendermintHeightWithoutValidatorSetFails() {
        List<String> lines = lines("tendermint-valid.ndjson");
        lines.remove(1);   // the ValidatorSet of height 2
        ValidationResult r = validator.validate(new TendermintBinding(Set.of()), TraceReader.parse(lines),
                "no-validator-set");
        assertInstanceOf(ValidationResult.Failed.class, r);
        assertTrue(r.toString().contains("height 2 has no ValidatorSet"), r::toString);
    }

    @Test
    void tendermintVoteOfANonValidatorFails() {
        List<String> lines = lines("tendermint-valid.ndjson");
        lines.set(0, lines.get(0).replace("\"n4\"],\"powers\":[1,1,1,1]", "\"n5\"],\"powers\":[1,1,1,1]"));
        ValidationResult r = validator.validate(new TendermintBinding(Set.of()), TraceReader.parse(lines),
                "non-validator-vote");
        assertInstanceOf(ValidationResult.Failed.class, r);
        assertTrue(r.toString().contains("n4 is not a validator at height 1"), r::toString);
    }

    /**
     * n1 produces epoch 1 and n2 follows; faulty z, assigned epoch 2, equivocates at 3 (both followers accept one block,
     * n2 meets the other and records evidence against z); z is rotated out at 4 and n2 continues from block 3.
     */
    @Test
    void l2ProductionValidTraceIsAccepted() {
        ValidationResult r = check(new L2ProductionBinding(Set.of("z")), "l2-production-valid.ndjson");
        assertTrue(r.accepted(), r::toString);
    }

    /** n2 accepts block 2 before it holds block 1. */
    @Test
    void l2BlockAcceptedOverAGapIsRejected() {
        assertRejectedAt(check(new L2ProductionBinding(Set.of("z")), "l2-production-gap.ndjson"), 5, "BlockAccepted");
    }

    /** z signs block 1, which epoch 1 assigns to n1, and n2 accepts it. */
    @Test
    void l2BlockOfTheWrongProducerIsRejected() {
        assertRejectedAt(check(new L2ProductionBinding(Set.of("z")), "l2-production-wrong-producer.ndjson"),
                4, "BlockAccepted");
    }

    /** n1 accepts both blocks of z's equivocation at number 3. */
    @Test
    void twoL2BlocksAtOneNumberAreRejected() {
        assertRejectedAt(check(new L2ProductionBinding(Set.of("z")), "l2-production-two-at-number.ndjson"),
                13, "BlockAccepted");
    }

    @Test
    void unknownEventFailsWithTheLine() {
        ValidationResult r = validator.validate(new TendermintBinding(Set.of()),
                TraceReader.parse(List.of("{\"seq\":1,\"node\":\"n1\",\"event\":\"Vote\",\"height\":1}")),
                "unknown-event");
        assertInstanceOf(ValidationResult.Failed.class, r);
        assertTrue(r.toString().contains("line 1"), r::toString);
    }

    private static List<String> lines(String name) {
        try {
            return new ArrayList<>(Files.readAllLines(trace(name)));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static Path trace(String name) {
        return SpecsPaths.traceDir().resolve(name);
    }
}
