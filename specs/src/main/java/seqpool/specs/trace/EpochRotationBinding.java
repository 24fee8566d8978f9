package seqpool.specs.trace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * EpochRotation traces (seqpool.pos): validators are every name in the trace, each with stake 1; genesis validators
 * appear as ValidatorJoined events before the first EpochAssigned; the range length is that of the first epoch (all
 * epochs must have it); stall timeouts are not assumed accurate (a rotation needs only its >2/3 vote).
 */
public final class EpochRotationBinding implements TraceBinding {
    private final Set<String> faulty;

    /** @param faulty validators the run made faulty (may crash); usually empty */
    public EpochRotationBinding(Set<String> faulty) {
        this.faulty = new TreeSet<>(Objects.requireNonNull(faulty, "faulty"));
    }

    @Override
    public String spec() {
        return "EpochRotation";
    }

    @Override
    public List<String> events() {
        return List.of("EpochAssigned", "BlockProduced", "Rotated", "Jailed", "ValidatorJoined", "ValidatorLeft");
    }

    @Override
    public Map<String, String> definitions(List<TraceEvent> part) {
        Set<String> validators = TraceFacts.names(part, List.of("producer", "validator", "from", "to"), true);
        validators.addAll(faulty);
        long rangeLen = 1;
        for (TraceEvent e : part) {
            if (e.event().equals("EpochAssigned")) {
                rangeLen = e.integer("last") - e.integer("first") + 1;
                break;
            }
        }
        Map<String, String> d = new LinkedHashMap<>();
        d.put("TValidators", TraceToTla.stringSet(validators));
        d.put("TFaulty", TraceToTla.stringSet(faulty));
        d.put("TStake", "[v \\in TValidators |-> 1]");
        d.put("TMaxEpoch", Long.toString(TraceFacts.max(part, List.of("epoch"), 1)));
        d.put("TRangeLen", Long.toString(Math.max(1, rangeLen)));
        return d;
    }

    @Override
    public String constants() {
        return """
                  Validators <- TValidators
                  Genesis = {}
                  Faulty <- TFaulty
                  Stake <- TStake
                  MaxEpoch <- TMaxEpoch
                  RangeLen <- TRangeLen
                  AccurateTimeouts = FALSE
                  Mutant = "none"
                """;
    }
}
