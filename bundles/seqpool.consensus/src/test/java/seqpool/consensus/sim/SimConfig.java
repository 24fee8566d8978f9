package seqpool.consensus.sim;

/**
 * One simulation's settings. Byzantine validators are the first {@code byzantine} indices (their addresses, hence
 * proposer order, depend on the seed). Partitions and crashes happen before {@code healAtMs}; after it the network
 * is reliable apart from {@code loss}/{@code duplication}. {@code n} counts nodes; which of them validate is the
 * world's genesis.
 */
public record SimConfig(int n, int byzantine, Fault fault, long durationMs, long healAtMs, boolean partitions, boolean crashes,
        double loss, double duplication, int minDelayMs, int maxDelayMs, boolean permanentTwinSplit) {

    public static SimConfig standard(int n, Fault fault) {
        int f = (n - 1) / 3;
        // After healing at 2.5 s the run must leave room for enough rounds with grown timeouts that a run never fails
        // on time alone: after a partition, honest nodes can be split between a lock and none, and a round needs an
        // honest proposer holding the valid value (seed 7777265, n = 4, equivocating proposer: 3 rounds of height 5 in
        // the 2.5 s a 5 s window left, decided in round 4 at 7.5 s). n = 7 can pass two Byzantine proposers first.
        long duration = n <= 4 ? 8000 : 12000;
        return new SimConfig(n, fault == null ? 0 : f, fault, duration, 2500, true, true, 0.05, 0.03, 1, 25, false);
    }

    public SimConfig withDuration(long duration, long heal) {
        return new SimConfig(n, byzantine, fault, duration, heal, partitions, crashes, loss, duplication, minDelayMs, maxDelayMs, permanentTwinSplit);
    }

    public SimConfig withByzantine(int b, Fault f) {
        return new SimConfig(n, b, f, durationMs, healAtMs, partitions, crashes, loss, duplication, minDelayMs, maxDelayMs, permanentTwinSplit);
    }

    public SimConfig calm() {
        return new SimConfig(n, byzantine, fault, durationMs, healAtMs, false, false, 0.0, 0.0, minDelayMs, maxDelayMs, permanentTwinSplit);
    }

    public SimConfig twinSplit() {
        return new SimConfig(n, byzantine, fault, durationMs, durationMs, false, false, loss, duplication, minDelayMs, maxDelayMs, true);
    }
}
