package seqpool.specs.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * EpochRotation traces (seqpool.pos, {@code PosMachine}): each node records the PoS events of its own committed state,
 * so every node's sequence is the same; a file may hold one node's events or several nodes' merged.
 *
 * <ul>
 * <li>The file's first event is {@code PosParams{rangeLen, jailAfter}} (positive integers). A node's own first event
 * may repeat it (same values); any other PosParams is an error. It gives the constants RangeLen and JailAfter and is
 * not stepped through.</li>
 * <li>Every node's sub-sequence is checked on its own (one TLC run per node), and the nodes must agree: each node's
 * sequence (event and fields, ignoring seq and node) is a prefix of the longest one.</li>
 * <li>Genesis = the validators of the ValidatorJoined events before the first CommitteeReady or EpochAssigned; the
 * first CommitteeReady must be exactly that set.</li>
 * <li>Voting power = {@code ValidatorJoined.power} (positive integers; divided by their greatest common divisor; three
 * times their sum must fit TLC's 32-bit integers). A validator with two joins keeps the first power.</li>
 * <li>Validators = every name in the fields validator, producer, from, to and members, plus the declared faulty
 * ones; MaxEpoch = the largest epoch.</li>
 * <li>Stall timeouts are not assumed accurate (any active validator may vote; a rotation needs only its >2/3 vote);
 * L1 locks and unlocks are inferred right before the join or leave that needs them.</li>
 * </ul>
 */
public final class EpochRotationBinding implements TraceBinding {
    static final String PARAMS = "PosParams";
    private static final long TLC_MAX = Integer.MAX_VALUE;

    private final Set<String> faulty;

    /** @param faulty validators the run made faulty (may crash and vote at will); usually empty */
    public EpochRotationBinding(Set<String> faulty) {
        this.faulty = new TreeSet<>(Objects.requireNonNull(faulty, "faulty"));
    }

    @Override
    public String spec() {
        return "EpochRotation";
    }

    @Override
    public List<String> events() {
        return List.of(PARAMS, "ValidatorJoined", "ValidatorLeft", "CommitteeReady", "EpochAssigned",
                "BlockProduced", "VoteRotate", "Rotated", "Faulted", "Jailed", "JailedOnL1", "Evicted");
    }

    /** One part per node (in order of first appearance), each starting with the PosParams it runs under. */
    @Override
    public List<List<TraceEvent>> segments(List<TraceEvent> events) {
        TraceEvent params = events.get(0);
        if (!params.event().equals(PARAMS)) {
            throw new TraceFormatException(params.line(), "the first event must be " + PARAMS + ", got "
                    + params.event());
        }
        checkParams(params);
        Map<String, List<TraceEvent>> byNode = new LinkedHashMap<>();
        for (int i = 1; i < events.size(); i++) {
            TraceEvent e = events.get(i);
            List<TraceEvent> own = byNode.computeIfAbsent(e.node(), n -> new ArrayList<>());
            if (e.event().equals(PARAMS)) {
                if (!own.isEmpty() || !e.fields().equals(params.fields())) {
                    throw new TraceFormatException(e.line(), PARAMS + " may only repeat the first line's values, as "
                            + "a node's first event");
                }
                continue;
            }
            own.add(e);
        }
        List<TraceEvent> longest = List.of();
        for (List<TraceEvent> own : byNode.values()) {
            if (own.size() > longest.size()) {
                longest = own;
            }
        }
        List<List<TraceEvent>> parts = new ArrayList<>();
        for (List<TraceEvent> own : byNode.values()) {
            for (int i = 0; i < own.size(); i++) {
                TraceEvent a = own.get(i);
                TraceEvent b = longest.get(i);
                if (!a.event().equals(b.event()) || !a.fields().equals(b.fields())) {
                    throw new TraceFormatException(a.line(), "node " + a.node() + " disagrees with node " + b.node()
                            + " (line " + b.line() + "): committed PoS state must be the same on every node");
                }
            }
            if (!own.isEmpty()) {
                List<TraceEvent> part = new ArrayList<>(own.size() + 1);
                part.add(params);
                part.addAll(own);
                parts.add(part);
            }
        }
        if (parts.isEmpty()) {
            throw new TraceFormatException(params.line(), "no PoS events after " + PARAMS);
        }
        return parts;
    }

    @Override
    public List<TraceEvent> steps(List<TraceEvent> part) {
        return part.stream().filter(e -> !e.event().equals(PARAMS)).toList();
    }

    @Override
    public Map<String, String> definitions(List<TraceEvent> part) {
        TraceEvent params = part.get(0);
        checkParams(params);
        Set<String> validators = TraceFacts.names(part, List.of("validator", "producer", "from", "to", "members"),
                false);
        validators.addAll(faulty);
        Set<String> genesis = new TreeSet<>();
        Map<String, Long> power = new TreeMap<>();
        boolean started = false;
        for (TraceEvent e : part) {
            switch (e.event()) {
                case "CommitteeReady", "EpochAssigned" -> started = true;
                case "ValidatorJoined" -> {
                    String v = e.string("validator");
                    long p = e.integer("power");
                    if (p < 1) {
                        throw new TraceFormatException(e.line(), "power must be positive, got " + p);
                    }
                    power.putIfAbsent(v, p);
                    if (!started) {
                        genesis.add(v);
                    }
                }
                default -> {
                }
            }
        }
        normalize(power, params.line());
        StringBuilder pw = new StringBuilder("[v \\in TValidators |-> CASE ");
        for (Map.Entry<String, Long> p : power.entrySet()) {
            pw.append("v = ");
            TraceToTla.string(pw, p.getKey());
            pw.append(" -> ").append(p.getValue()).append(" [] ");
        }
        pw.append("OTHER -> 1]");
        Map<String, String> d = new LinkedHashMap<>();
        d.put("TValidators", TraceToTla.stringSet(validators));
        d.put("TGenesis", TraceToTla.stringSet(genesis));
        d.put("TFaulty", TraceToTla.stringSet(faulty));
        d.put("TPower", pw.toString());
        d.put("TMaxEpoch", Long.toString(TraceFacts.max(part, List.of("epoch"), 1)));
        d.put("TRangeLen", Long.toString(params.integer("rangeLen")));
        d.put("TJailAfter", Long.toString(params.integer("jailAfter")));
        return d;
    }

    @Override
    public String constants() {
        return """
                  Validators <- TValidators
                  Genesis <- TGenesis
                  Faulty <- TFaulty
                  Power <- TPower
                  MaxEpoch <- TMaxEpoch
                  RangeLen <- TRangeLen
                  JailAfter <- TJailAfter
                  AccurateTimeouts = FALSE
                  Mutant = "none"
                """;
    }

    private static void checkParams(TraceEvent params) {
        for (String f : List.of("rangeLen", "jailAfter")) {
            long n = params.integer(f);
            if (n < 1 || n > TLC_MAX / 4) {
                throw new TraceFormatException(params.line(), f + " must be a positive integer within TLC's range, got "
                        + n);
            }
        }
    }

    /** Divides the powers by their gcd; TLC's integers (32 bits) must hold three times their sum. */
    private static void normalize(Map<String, Long> power, int line) {
        long gcd = 0;
        for (long p : power.values()) {
            gcd = gcd(gcd, p);
        }
        long sum = 0;
        for (Map.Entry<String, Long> p : power.entrySet()) {
            p.setValue(p.getValue() / Math.max(1, gcd));
            sum += p.getValue();
            if (sum > TLC_MAX / 3) {
                throw new TraceFormatException(line, "voting powers too large for TLC: three times their sum (after "
                        + "dividing by their gcd " + gcd + ") must stay below 2^31");
            }
        }
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
