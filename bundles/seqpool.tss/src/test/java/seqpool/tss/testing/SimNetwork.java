package seqpool.tss.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import seqpool.api.common.Address;

/**
 * A deterministic in-memory network: a seeded scheduler delivers queued messages in random order (reordering),
 * optionally duplicates them, and passes each through an interceptor that may drop or rewrite it (Byzantine and
 * silent parties). Single-threaded.
 *
 * <p>With {@link #depthFirst()}, a message sent while another is being delivered is delivered at once, before the
 * sender goes on with the rest of its effects: the fastest receiver a multi-threaded run can have. A node still busy
 * with a message (one thread per node, as in the host) gets it afterwards. This shows whether what a sender records
 * after sending could appear, in a merged trace, after what a receiver did with the message.
 */
public final class SimNetwork {
    /** One message in flight. */
    public record Envelope(Address from, Address to, byte[] payload) {
    }

    /** Rewrites or drops (returns null) a message. */
    @FunctionalInterface
    public interface Interceptor {
        Interceptor NONE = e -> e.payload();

        byte[] intercept(Envelope e);
    }

    /** Receives delivered messages. */
    @FunctionalInterface
    public interface Node {
        void deliver(Address from, byte[] payload);
    }

    private final Random random;
    private final double duplicateRate;
    private final List<Envelope> queue = new ArrayList<>();
    private final java.util.Map<Address, Node> nodes = new java.util.HashMap<>();
    private Interceptor interceptor = Interceptor.NONE;
    private long delivered;
    private boolean depthFirst;
    private final java.util.Set<Address> busy = new java.util.HashSet<>();

    public SimNetwork(long seed, double duplicateRate) {
        this.random = new Random(seed);
        this.duplicateRate = duplicateRate;
    }

    public void register(Address a, Node n) {
        nodes.put(a, n);
    }

    public void interceptor(Interceptor i) {
        this.interceptor = i;
    }

    /** Delivers a message sent during a delivery immediately (see the class comment). */
    public SimNetwork depthFirst() {
        this.depthFirst = true;
        return this;
    }

    public void send(Address from, Address to, byte[] payload) {
        byte[] p = interceptor.intercept(new Envelope(from, to, payload));
        if (p == null) {
            return;
        }
        Envelope e = new Envelope(from, to, p);
        boolean now = depthFirst && !busy.isEmpty();
        if (!now) {
            queue.add(e);
        }
        if (random.nextDouble() < duplicateRate) {
            queue.add(e);
        }
        if (now) {
            deliver(e);
        }
    }

    /** Delivers until nothing is in flight. */
    public void runToQuiescence() {
        while (!queue.isEmpty()) {
            deliver(queue.remove(random.nextInt(queue.size())));
        }
    }

    private void deliver(Envelope e) {
        Node n = nodes.get(e.to());
        if (n == null) {
            return;
        }
        if (busy.contains(e.to())) {
            queue.add(e); // a node handles one message at a time: it sees this once it is done with the current one
            return;
        }
        delivered++;
        busy.add(e.to());
        try {
            n.deliver(e.from(), e.payload());
        } finally {
            busy.remove(e.to());
        }
    }

    public long delivered() {
        return delivered;
    }
}
