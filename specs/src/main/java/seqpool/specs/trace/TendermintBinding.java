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
 * Tendermint traces (seqpool.consensus): the spec covers one height, so the trace is split by its {@code height}
 * field and each height is checked on its own.
 * <ul>
 * <li>Each height declares its validators: {@code ValidatorSet{height, validators, powers}} (the consensus
 * {@code Tracer} records it when a node starts the height). Quorums are counted by that set's voting power, more than
 * 2/3 of the total: a validator that stays silent for the whole height still counts in the total. Every node that
 * records the set must record the same one; a height without it is refused, as is a vote or proposal by a node outside
 * the set. Powers are divided by their gcd; three times their sum must stay below 2^31 (TLC's integers).</li>
 * <li>Nodes outside the set that only enter rounds and decide (followers) are correct processes with power 0.</li>
 * <li>The given Byzantine nodes that are validators of the height are faulty; every other node is correct.</li>
 * <li>Every non-nil value in the trace is valid; the proposer of each round is the one that proposed in it (the
 * proposer-priority schedule is not part of this spec; a round without a proposal gets a correct validator).</li>
 * </ul>
 */
public final class TendermintBinding implements TraceBinding {
    /** The header event that declares a height's validator set. */
    public static final String VALIDATOR_SET = "ValidatorSet";
    private static final long TLC_MAX = Integer.MAX_VALUE;

    private final Set<String> faulty;

    /** @param faulty the nodes the run made Byzantine */
    public TendermintBinding(Set<String> faulty) {
        this.faulty = new TreeSet<>(Objects.requireNonNull(faulty, "faulty"));
    }

    @Override
    public String spec() {
        return "Tendermint";
    }

    @Override
    public List<String> events() {
        return List.of(VALIDATOR_SET, "NewRound", "Propose", "Prevote", "Precommit", "Decide");
    }

    @Override
    public List<List<TraceEvent>> segments(List<TraceEvent> events) {
        Map<Long, List<TraceEvent>> byHeight = new TreeMap<>();
        for (TraceEvent e : events) {
            byHeight.computeIfAbsent(e.integer("height"), h -> new ArrayList<>()).add(e);
        }
        List<List<TraceEvent>> parts = new ArrayList<>();
        for (List<TraceEvent> part : byHeight.values()) {
            validators(part);   // refuse a height without (or with conflicting) validator sets before running TLC
            if (!steps(part).isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }

    @Override
    public List<TraceEvent> steps(List<TraceEvent> part) {
        return part.stream().filter(e -> !e.event().equals(VALIDATOR_SET)).toList();
    }

    /** The height's validators and their powers (divided by their gcd), from its ValidatorSet events. */
    static Map<String, Long> validators(List<TraceEvent> part) {
        Map<String, Long> set = null;
        TraceEvent first = null;
        for (TraceEvent e : part) {
            if (!e.event().equals(VALIDATOR_SET)) {
                continue;
            }
            Map<String, Long> declared = declared(e);
            if (set == null) {
                set = declared;
                first = e;
            } else if (!set.equals(declared)) {
                throw new TraceFormatException(e.line(), "node " + e.node() + " records the validators " + declared
                        + " for height " + e.integer("height") + ", but line " + first.line() + " recorded " + set);
            }
        }
        if (set == null) {
            TraceEvent e = part.get(0);
            throw new TraceFormatException(e.line(), "height " + e.integer("height") + " has no " + VALIDATOR_SET
                    + " event: the checker needs the validators and their powers to count quorums");
        }
        return normalize(set, first.line());
    }

    private static Map<String, Long> declared(TraceEvent e) {
        List<String> names = e.strings("validators");
        Object raw = e.fields().get("powers");
        if (!(raw instanceof List<?> powers) || powers.size() != names.size()) {
            throw new TraceFormatException(e.line(), "powers must be a list of integers, one per validator");
        }
        Map<String, Long> out = new TreeMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (!(powers.get(i) instanceof Long p) || p < 1) {
                throw new TraceFormatException(e.line(), "power of " + names.get(i) + " must be a positive integer, got "
                        + powers.get(i));
            }
            if (out.put(names.get(i), p) != null) {
                throw new TraceFormatException(e.line(), "validator " + names.get(i) + " is listed twice");
            }
        }
        if (out.isEmpty()) {
            throw new TraceFormatException(e.line(), "the validator set is empty");
        }
        return out;
    }

    private static Map<String, Long> normalize(Map<String, Long> set, int line) {
        long gcd = 0;
        for (long p : set.values()) {
            gcd = gcd(gcd, p);
        }
        Map<String, Long> out = new TreeMap<>();
        long sum = 0;
        for (Map.Entry<String, Long> v : set.entrySet()) {
            out.put(v.getKey(), v.getValue() / gcd);
            sum += v.getValue() / gcd;
            if (sum > TLC_MAX / 3) {
                throw new TraceFormatException(line, "voting powers too large for TLC: three times their sum (after "
                        + "dividing by their gcd " + gcd + ") must stay below 2^31");
            }
        }
        return out;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    @Override
    public Map<String, String> definitions(List<TraceEvent> part) {
        Map<String, Long> validators = validators(part);
        List<TraceEvent> steps = steps(part);
        for (TraceEvent e : steps) {
            for (String f : List.of("proposer", "voter")) {
                if (e.fields().get(f) instanceof String who && !validators.containsKey(who)) {
                    throw new TraceFormatException(e.line(), who + " is not a validator at height "
                            + e.integer("height") + " (validators: " + validators.keySet() + ")");
                }
            }
        }
        Set<String> nodes = new TreeSet<>(validators.keySet());
        nodes.addAll(TraceFacts.names(steps, List.of(), true));   // followers: enter rounds and decide only
        Set<String> byz = new TreeSet<>(faulty);
        byz.retainAll(validators.keySet());
        Set<String> correct = new TreeSet<>(nodes);
        correct.removeAll(byz);
        Set<String> values = TraceFacts.names(steps, List.of("value"), false);
        values.remove("nil");
        if (values.isEmpty()) {
            values.add("none-proposed");
        }
        int maxRound = (int) TraceFacts.max(steps, List.of("round"), 0);
        String fallback = correct.stream().filter(validators::containsKey).findFirst()
                .orElse(validators.keySet().iterator().next());
        List<String> proposers = new ArrayList<>();
        for (int r = 0; r <= maxRound; r++) {
            proposers.add(fallback);
        }
        for (TraceEvent e : steps) {
            if (e.event().equals("Propose")) {
                int r = (int) e.integer("round");
                if (r >= 0 && r <= maxRound) {
                    proposers.set(r, e.string("proposer"));
                }
            }
        }
        StringBuilder power = new StringBuilder("[p \\in TCorr \\cup TFaulty |-> CASE ");
        for (Map.Entry<String, Long> v : validators.entrySet()) {
            power.append("p = ");
            TraceToTla.string(power, v.getKey());
            power.append(" -> ").append(v.getValue()).append(" [] ");
        }
        power.append("OTHER -> 0]");
        Map<String, String> d = new LinkedHashMap<>();
        d.put("TCorr", TraceToTla.stringSet(correct));
        d.put("TFaulty", TraceToTla.stringSet(byz));
        d.put("TPower", power.toString());
        d.put("TValues", TraceToTla.stringSet(values));
        d.put("TMaxRound", Integer.toString(maxRound));
        d.put("TProposers", "{[r \\in 0..TMaxRound |-> " + TraceToTla.stringTuple(proposers) + "[r + 1]]}");
        return d;
    }

    @Override
    public String constants() {
        return """
                  Corr <- TCorr
                  Faulty <- TFaulty
                  Power <- TPower
                  ValidValues <- TValues
                  Proposable <- TValues
                  InvalidValues = {}
                  MaxRound <- TMaxRound
                  Proposers <- TProposers
                  Mutant = "none"
                """;
    }
}
