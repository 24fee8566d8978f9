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
 * field and each height is checked on its own. Correct nodes are every node in the trace but the given Byzantine
 * ones; every non-nil value in the trace is valid; the proposer of each round is the one that proposed in it
 * (the proposer-priority schedule is not part of this spec).
 */
public final class TendermintBinding implements TraceBinding {
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
        return List.of("NewRound", "Propose", "Prevote", "Precommit", "Decide");
    }

    @Override
    public List<List<TraceEvent>> segments(List<TraceEvent> events) {
        Map<Long, List<TraceEvent>> byHeight = new TreeMap<>();
        for (TraceEvent e : events) {
            byHeight.computeIfAbsent(e.integer("height"), h -> new ArrayList<>()).add(e);
        }
        return List.copyOf(byHeight.values());
    }

    @Override
    public Map<String, String> definitions(List<TraceEvent> part) {
        Set<String> nodes = TraceFacts.names(part, List.of("proposer", "voter"), true);
        nodes.addAll(faulty);
        Set<String> correct = new TreeSet<>(nodes);
        correct.removeAll(faulty);
        Set<String> values = TraceFacts.names(part, List.of("value"), false);
        values.remove("nil");
        if (values.isEmpty()) {
            values.add("none-proposed");
        }
        int maxRound = (int) TraceFacts.max(part, List.of("round"), 0);
        List<String> proposers = new ArrayList<>();
        for (int r = 0; r <= maxRound; r++) {
            proposers.add(correct.isEmpty() ? nodes.iterator().next() : correct.iterator().next());
        }
        for (TraceEvent e : part) {
            if (e.event().equals("Propose")) {
                int r = (int) e.integer("round");
                if (r >= 0 && r <= maxRound) {
                    proposers.set(r, e.string("proposer"));
                }
            }
        }
        Map<String, String> d = new LinkedHashMap<>();
        d.put("TCorr", TraceToTla.stringSet(correct));
        d.put("TFaulty", TraceToTla.stringSet(faulty));
        d.put("TValues", TraceToTla.stringSet(values));
        d.put("TMaxRound", Integer.toString(maxRound));
        d.put("TProposers", TraceToTla.stringTuple(proposers));
        return d;
    }

    @Override
    public String constants() {
        return """
                  Corr <- TCorr
                  Faulty <- TFaulty
                  ValidValues <- TValues
                  Proposable <- TValues
                  InvalidValues = {}
                  MaxRound <- TMaxRound
                  ProposerSeq <- TProposers
                  Mutant = "none"
                """;
    }
}
