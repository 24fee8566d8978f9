package seqpool.bench.l2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Per transaction: when it was submitted and when it first appeared in a block on each node. A transaction is
 * <em>included</em> once it is in a block on every node; its inclusion latency is that last appearance minus the submit
 * time. Times are {@link System#nanoTime()} values. Hashes are registered before the load starts, so the block
 * watchers can ignore transactions that are not the generator's (funding, other clients).
 */
final class InclusionTracker {
    private final int nodes;
    private final int allNodes;
    private final Map<String, Integer> byHash = new HashMap<>();
    private final List<Integer> senderOf = new ArrayList<>();
    private int[] sender = new int[0];
    private long[] firstSeen;
    private long[] lastSeen;
    private int[] seenMask;
    private AtomicLongArray submitted;
    private AtomicIntegerArray seenBySender;

    InclusionTracker(int nodes, int senders) {
        if (nodes < 1 || nodes > 31) {
            throw new IllegalArgumentException("1..31 nodes, got " + nodes);
        }
        this.nodes = nodes;
        this.allNodes = (1 << nodes) - 1;
        this.seenBySender = new AtomicIntegerArray(senders);
    }

    /** Registers a signed transaction (hash as 0x + lower-case hex) before the load; returns its index. */
    int register(String hash, int senderIndex) {
        if (submitted != null) {
            throw new IllegalStateException("register before seal()");
        }
        Integer old = byHash.putIfAbsent(hash, byHash.size());
        if (old != null) {
            throw new IllegalArgumentException("duplicate transaction " + hash);
        }
        senderOf.add(senderIndex);
        return byHash.size() - 1;
    }

    /** Ends registration (the arrays are sized once: the load runs without resizing or locking on submit). */
    void seal() {
        int n = byHash.size();
        sender = senderOf.stream().mapToInt(Integer::intValue).toArray();
        firstSeen = new long[n];
        lastSeen = new long[n];
        seenMask = new int[n];
        submitted = new AtomicLongArray(n);
    }

    int size() {
        return sender.length;
    }

    void submitted(int tx, long nanos) {
        submitted.set(tx, nanos);
    }

    /** The submission was refused: the transaction never counts as sent (nor as lost). */
    void refused(int tx) {
        submitted.set(tx, Long.MIN_VALUE);
    }

    /**
     * The block that {@code node} announced at {@code nanos} holds these transactions. Repeats on a node (the same
     * block fetched twice) keep the first time. Returns how many of them are the generator's.
     */
    synchronized int seen(int node, List<String> hashes, long nanos) {
        int bit = 1 << node;
        int mine = 0;
        for (String h : hashes) {
            Integer tx = byHash.get(h);
            if (tx == null) {
                continue;
            }
            mine++;
            int mask = seenMask[tx];
            if ((mask & bit) != 0) {
                continue;
            }
            if (mask == 0) {
                firstSeen[tx] = nanos;
                seenBySender.incrementAndGet(sender[tx]);
            }
            seenMask[tx] = mask | bit;
            lastSeen[tx] = Math.max(lastSeen[tx], nanos);
        }
        return mine;
    }

    /** How many of this sender's transactions are in a block on at least one node (the saturation window). */
    int seenFromSender(int senderIndex) {
        return seenBySender.get(senderIndex);
    }

    /**
     * Figures over the measured window [from, to): throughput counts transactions that became included (in a block on
     * every node) inside the window; latencies are those of transactions submitted inside the window; those not
     * included by the time of the call are counted as missing (partly: on some nodes only).
     */
    synchronized Summary summarize(long from, long to) {
        long[] lat = new long[sender.length];
        long[] firstLat = new long[sender.length];
        int n = 0;
        int nf = 0;
        int sentInWindow = 0;
        int includedInWindow = 0;
        int missing = 0;
        int partial = 0;
        for (int tx = 0; tx < sender.length; tx++) {
            long sub = submitted.get(tx);
            boolean all = seenMask[tx] == allNodes;
            if (all && lastSeen[tx] >= from && lastSeen[tx] < to) {
                includedInWindow++;
            }
            if (sub == 0 || sub == Long.MIN_VALUE || sub < from || sub >= to) {
                continue;
            }
            sentInWindow++;
            if (seenMask[tx] != 0) {
                firstLat[nf++] = firstSeen[tx] - sub;
            }
            if (all) {
                lat[n++] = lastSeen[tx] - sub;
            } else if (seenMask[tx] != 0) {
                partial++;
            } else {
                missing++;
            }
        }
        double seconds = (to - from) / 1e9;
        return new Summary(sentInWindow, includedInWindow, includedInWindow / seconds,
                new Percentiles(Arrays.copyOf(lat, n)), new Percentiles(Arrays.copyOf(firstLat, nf)), missing, partial);
    }

    int nodes() {
        return nodes;
    }

    /**
     * @param sent transactions submitted (and not refused) in the window
     * @param included transactions that reached every node in the window
     * @param tps included per second of the window
     * @param latency submit to in a block on the last node (ns), for those submitted in the window
     * @param firstNode submit to in a block on the first node (ns)
     * @param missing submitted in the window, in no block on any node
     * @param partial submitted in the window, in a block on some nodes but not all
     */
    record Summary(int sent, int included, double tps, Percentiles latency, Percentiles firstNode, int missing,
            int partial) {
    }
}
