package seqpool.specs.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import seqpool.specs.SpecsPaths;

/**
 * Validates traces written by the implementation: the snapshots committed in {@code specs/traces/impl} (always), and
 * the fresh ones the consensus and TSS modules' tests write to their {@code target/traces} when those modules were
 * built in the same reactor run (full build). File names tell the protocol ({@code consensus-*} → Tendermint,
 * {@code tss-*}/{@code reshare-*} → Resharing, {@code pos-*}/{@code epoch-*} → EpochRotation) and the Byzantine
 * (for EpochRotation: faulty) nodes ({@code .byz-n1,n3.}).
 * Consensus traces are checked height by height; by default the first {@code specs.traces.heights} (2) heights, all
 * of them with {@code -Dspecs.traces.heights=0}. Tampered copies of real traces must be rejected at the tampered line.
 */
class ImplementationTraceTest {
    private static final Pattern BYZ = Pattern.compile("\\.byz-([a-z0-9,]+)\\.");

    private final TraceValidator validator =
            new TraceValidator(SpecsPaths.runner(), SpecsPaths.specDir(), SpecsPaths.workDir());

    @TestFactory
    Stream<DynamicTest> implementationTracesAreBehavioursOfTheSpecs() throws IOException {
        List<Path> files = new ArrayList<>(list(SpecsPaths.traceDir().resolve("impl")));
        for (String dir : System.getProperty("specs.impl.traces", "").split(",")) {
            if (!dir.isBlank()) {
                files.addAll(list(Path.of(dir.strip())));
            }
        }
        assertTrue(!files.isEmpty(), "no implementation traces found");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getParent().getParent().getFileName() + "/"
                + f.getFileName(), () -> {
                    String name = f.getFileName().toString();
                    TraceBinding binding = binding(name);
                    List<TraceEvent> events = limitHeights(binding, TraceReader.read(f));
                    ValidationResult r = validator.validate(binding, events, "impl-" + name.replace(".ndjson", "")
                            .replaceAll("[^A-Za-z0-9_-]", "_"));
                    assertTrue(r.accepted(), () -> f + ": " + r);
                }));
    }

    /** A correct node's second, conflicting prevote inserted into a real simulator trace is rejected there. */
    @Test
    void tamperedConsensusTraceIsRejectedAtTheForgedVote() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(
                SpecsPaths.traceDir().resolve("impl/consensus-sim-n4-seed3-crash-partition.ndjson")));
        int i = 0;
        while (!lines.get(i).contains("\"event\":\"Prevote\"")) {
            i++;
        }
        String vote = lines.get(i);
        String forged = vote.contains("\"value\":\"nil\"") ? vote.replace("\"value\":\"nil\"", "\"value\":\"0x"
                + "ab".repeat(32) + "\"") : vote.replaceAll("\"value\":\"0x[0-9a-f]+\"", "\"value\":\"nil\"");
        lines.add(i + 1, forged);
        ValidationResult r = validator.validate(new TendermintBinding(Set.of()),
                TraceReader.parse(lines).stream().filter(e -> e.integer("height") <= 1).toList(), "impl-tampered-vote");
        ValidationResult.Rejected rej = assertInstanceOf(ValidationResult.Rejected.class, r, r::toString);
        assertEquals(i + 2, rej.line(), r::toString);
    }

    /**
     * Quorums are counted out of the declared validators, not the nodes that appear: in a real trace's height 1, n4
     * stays silent (its lines removed) and n1 decides on its own precommit alone (the other precommits removed). A
     * checker that took the validators from the trace would see three nodes and a quorum of one.
     */
    @Test
    void decisionWithASilentValidatorAndOnePrecommitIsRejected() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(
                SpecsPaths.traceDir().resolve("impl/consensus-sim-n4-seed11-double-voter.byz-n1.ndjson")));
        int decide = indexOf(lines, l -> l.contains("\"node\":\"n1\",\"event\":\"Decide\",\"height\":1,"));
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            boolean otherPrecommit = l.contains("\"event\":\"Precommit\"") && !l.contains("\"voter\":\"n1\"");
            if (i > decide || l.contains("\"node\":\"n4\"") || otherPrecommit) {
                lines.set(i, "");   // blanked, so the remaining lines keep their numbers
            }
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"voter\":\"n1\"") && l.contains("Precommit")));
        ValidationResult r = validator.validate(new TendermintBinding(Set.of()), TraceReader.parse(lines),
                "impl-silent-validator");
        ValidationResult.Rejected rej = assertInstanceOf(ValidationResult.Rejected.class, r, r::toString);
        assertEquals("Decide", rej.event().event(), r::toString);
        assertEquals(decide + 1, rej.line(), r::toString);
    }

    /**
     * Five validators need four precommits (more than 2/3), not 2f+1 = 3: a real five-node trace's first decision,
     * with the decider's own precommit removed, rests on three of five and is rejected.
     */
    @Test
    void decisionOnThreeOfFivePrecommitsIsRejected() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(
                SpecsPaths.traceDir().resolve("impl/consensus-sim-n5-seed3-crash-partition.ndjson")));
        int decide = indexOf(lines, l -> l.contains("\"event\":\"Decide\",\"height\":1,"));
        String decider = lines.get(decide).replaceAll(".*\"node\":\"(n\\d)\".*", "$1");
        int precommits = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            boolean precommit = l.contains("\"event\":\"Precommit\",\"height\":1,");
            if (i > decide || precommit && l.contains("\"voter\":\"" + decider + "\"")) {
                lines.set(i, "");
            } else if (precommit) {
                precommits++;
            }
        }
        assertEquals(3, precommits, "three precommits left before the decision");
        ValidationResult r = validator.validate(new TendermintBinding(Set.of()), TraceReader.parse(lines),
                "impl-three-of-five");
        ValidationResult.Rejected rej = assertInstanceOf(ValidationResult.Rejected.class, r, r::toString);
        assertEquals("Decide", rej.event().event(), r::toString);
        assertEquals(decide + 1, rej.line(), r::toString);
    }

    private static int indexOf(List<String> lines, java.util.function.Predicate<String> p) {
        for (int i = 0; i < lines.size(); i++) {
            if (p.test(lines.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such line");
    }

    /** A real reshare trace with one acknowledgement removed: completing without it is rejected. */
    @Test
    void tamperedReshareTraceIsRejectedAtTheEarlyCompletion() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(
                SpecsPaths.traceDir().resolve("impl/tss-reshare-abort-retry.ndjson")));
        int ack = lines.size() - 1;
        while (!lines.get(ack).contains("\"event\":\"ReshareAcked\"")) {
            ack--;
        }
        lines.remove(ack);
        int completed = ack;
        while (!lines.get(completed).contains("\"event\":\"ReshareCompleted\"")) {
            completed++;
        }
        List<String> blanked = new ArrayList<>(lines);
        blanked.add(ack, "");   // keep the original line numbers
        ValidationResult r = validator.validate(new ResharingBinding(Set.of()), TraceReader.parse(blanked),
                "impl-tampered-ack");
        ValidationResult.Rejected rej = assertInstanceOf(ValidationResult.Rejected.class, r, r::toString);
        assertEquals("ReshareCompleted", rej.event().event(), r::toString);
        assertEquals(completed + 2, rej.line(), r::toString);
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".ndjson")).sorted().toList();
        }
    }

    static TraceBinding binding(String fileName) {
        Set<String> byz = new TreeSet<>();
        Matcher m = BYZ.matcher(fileName);
        if (m.find()) {
            byz.addAll(Arrays.asList(m.group(1).split(",")));
        }
        if (fileName.startsWith("consensus-")) {
            return new TendermintBinding(byz);
        }
        if (fileName.startsWith("tss-") || fileName.startsWith("reshare-")) {
            return new ResharingBinding(byz);
        }
        if (fileName.startsWith("epoch-") || fileName.startsWith("pos-")) {
            return new EpochRotationBinding(byz);
        }
        throw new IllegalArgumentException("cannot tell the protocol of trace " + fileName);
    }

    private static List<TraceEvent> limitHeights(TraceBinding binding, List<TraceEvent> events) {
        int heights = Integer.getInteger("specs.traces.heights", 2);
        if (!(binding instanceof TendermintBinding) || heights <= 0) {
            return events;
        }
        return events.stream().filter(e -> e.integer("height") <= heights).toList();
    }
}
