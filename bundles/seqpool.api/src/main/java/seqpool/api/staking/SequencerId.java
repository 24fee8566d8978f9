package seqpool.api.staking;

/** A sequencer's id in LockingPool (1, 2, 3, ... in order of first lock). Immutable. */
public record SequencerId(long value) implements Comparable<SequencerId> {
    public SequencerId {
        if (value <= 0) {
            throw new IllegalArgumentException("a sequencer id is positive, got " + value);
        }
    }

    @Override
    public int compareTo(SequencerId o) {
        return Long.compare(value, o.value);
    }

    @Override
    public String toString() {
        return "seq#" + value;
    }
}
