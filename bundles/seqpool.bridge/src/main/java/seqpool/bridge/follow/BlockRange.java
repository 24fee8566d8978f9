package seqpool.bridge.follow;

/** Blocks {@code from..to}, both included. */
public record BlockRange(long from, long to) {
    public BlockRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("invalid block range " + from + ".." + to);
        }
    }

    public long size() {
        return to - from + 1;
    }

    public boolean contains(long block) {
        return block >= from && block <= to;
    }

    @Override
    public String toString() {
        return from + ".." + to;
    }
}
