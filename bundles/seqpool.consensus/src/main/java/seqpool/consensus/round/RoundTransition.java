package seqpool.consensus.round;

import java.util.List;

/** The result of one step: the next state and what to do. No outputs and the same state means "rule not enabled". */
public record RoundTransition(RoundState state, List<RoundOutput> outputs) {
    public RoundTransition {
        outputs = List.copyOf(outputs);
    }

    public boolean changed(RoundState before) {
        return !outputs.isEmpty() || !state.equals(before);
    }
}
