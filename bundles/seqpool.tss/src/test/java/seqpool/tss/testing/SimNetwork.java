package seqpool.tss.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import seqpool.api.common.Address;

/**
 * A deterministic in-memory network: a seeded scheduler delivers queued messages in random order (reordering),
 * optionally duplicates them, and passes each through an interceptor that may drop or rewrite it (Byzantine and
 * silent parties). Single-threaded.
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

    public void send(Address from, Address to, byte[] payload) {
        byte[] p = interceptor.intercept(new Envelope(from, to, payload));
        if (p == null) {
            return;
        }
        queue.add(new Envelope(from, to, p));
        if (random.nextDouble() < duplicateRate) {
            queue.add(new Envelope(from, to, p));
        }
    }

    /** Delivers until nothing is in flight. */
    public void runToQuiescence() {
        while (!queue.isEmpty()) {
            Envelope e = queue.remove(random.nextInt(queue.size()));
            Node n = nodes.get(e.to());
            if (n != null) {
                delivered++;
                n.deliver(e.from(), e.payload());
            }
        }
    }

    public long delivered() {
        return delivered;
    }
}
