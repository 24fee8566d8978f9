package seqpool.runtime.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import seqpool.specs.tlc.TlcRunner;
import seqpool.specs.trace.EpochRotationBinding;
import seqpool.specs.trace.TraceReader;
import seqpool.specs.trace.TraceValidator;
import seqpool.specs.trace.ValidationResult;

/**
 * Checks a node's real PoS trace against {@code specs/tla/EpochRotation.tla} with TLC, and a tampered copy (one
 * rotation vote removed, so the rotation lacks its quorum) against it too: the first must be a behaviour of the spec,
 * the second must be rejected at the rotation.
 */
final class PosTraceCheck {
    private static final Set<String> POS_EVENTS = Set.of("PosParams", "ValidatorJoined", "ValidatorLeft",
            "CommitteeReady", "EpochAssigned", "BlockProduced", "VoteRotate", "Rotated", "Faulted", "Jailed", "JailedOnL1", "Evicted");

    private PosTraceCheck() {
    }

    /** The node's PoS events (its trace file also holds consensus and TSS events). */
    static List<String> posLines(Path trace) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(trace)) {
            int i = line.indexOf("\"event\":\"");
            if (i >= 0) {
                String event = line.substring(i + 9, line.indexOf('"', i + 9));
                if (POS_EVENTS.contains(event)) {
                    out.add(line);
                }
            }
        }
        return out;
    }

    /** @param faulty the validators the run made faulty (the double signer) */
    static void check(List<String> lines, Set<String> faulty, Path work) throws Exception {
        Path spec = Path.of(System.getProperty("seqpool.specs.dir", "../specs/tla")).toAbsolutePath();
        TraceValidator validator = new TraceValidator(TlcRunner.fromClasspath(work, 1, 600), spec, work);
        ValidationResult real = validator.validate(new EpochRotationBinding(faulty), TraceReader.parse(lines),
                "pos-devnet");
        System.out.println("FIGURE pos_trace_events " + lines.size());
        assertTrue(real.accepted(), "the devnet's PoS trace is a behaviour of EpochRotation: " + real);

        int rotated = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"event\":\"Rotated\"")) {
                rotated = i;
                break;
            }
        }
        assertTrue(rotated > 0, "the trace holds the rotation");
        List<String> tampered = new ArrayList<>(lines);
        int vote = rotated - 1;
        while (!tampered.get(vote).contains("\"event\":\"VoteRotate\"")) {
            vote--;
        }
        tampered.set(vote, ""); // blank, so the line numbers stay
        ValidationResult r = validator.validate(new EpochRotationBinding(faulty), TraceReader.parse(tampered),
                "pos-devnet-tampered");
        ValidationResult.Rejected rej = assertInstanceOf(ValidationResult.Rejected.class, r, r::toString);
        assertEquals("Rotated", rej.event().event(), r::toString);
        assertEquals(rotated + 1, rej.line(), r::toString);
    }
}
