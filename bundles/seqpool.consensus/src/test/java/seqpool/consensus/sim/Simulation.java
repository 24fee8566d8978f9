package seqpool.consensus.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.consensus.ConsensusApplication;
import seqpool.api.consensus.SubmitResult;
import seqpool.api.consensus.ValidatorSet;
import seqpool.api.store.StoreException;
import seqpool.api.trace.TraceSink;
import seqpool.consensus.node.ConsensusNode;
import seqpool.consensus.node.NodeAction;
import seqpool.consensus.node.NodeConfig;
import seqpool.consensus.node.TimerKey;
import seqpool.consensus.wire.MessageCodec;
import seqpool.consensus.wire.WireLimits;

/**
 * The deterministic simulator: a seeded scheduler over simulated milliseconds, an in-memory network with delay, loss,
 * duplication, reordering, partitions and healing, crash/restart (a crash discards the output of the event being
 * processed, i.e. the node dies after signing and before sending), and Byzantine validators ({@link Fault}). What runs
 * on top — keys, applications, inputs, the validity rule — comes from a {@link SimWorld}. Every random choice comes
 * from one {@link Random} seeded with the run's seed, so a seed replays a run exactly.
 *
 * @param <A> the world's application type
 */
public final class Simulation<A extends ConsensusApplication> {
    private record Event(long time, long seq, Runnable action) {
    }

    final long seed;
    final SimConfig cfg;
    final Random rnd;
    final SimWorld<A> world;
    final List<SimNode<A>> nodes = new ArrayList<>();
    final Map<Address, List<SimNode<A>>> byAddress = new HashMap<>();
    final SafetyMonitor<A> monitor;
    final MessageCodec codec = new MessageCodec(WireLimits.DEFAULT);
    final NodeConfig nodeConfig;
    final ByzantineOutbox<A> byzantine;
    private final PriorityQueue<Event> queue = new PriorityQueue<>((a, b) -> a.time != b.time
            ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
    private final TraceSink trace;
    private final ValidatorSet validators;
    private final Map<Address, String> names = new HashMap<>();
    long now;
    private long seq;
    long deliveries;
    Map<String, Long> heightsAtHeal = new HashMap<>();

    /** The consensus engine's own simulation: client transactions over {@link SimApp} ({@link ClientTxWorld}). */
    static Simulation<SimApp> clientTxs(long seed, SimConfig cfg, TraceSink trace) {
        return new Simulation<>(seed, cfg, new ClientTxWorld(seed, cfg.n()), trace);
    }

    public Simulation(long seed, SimConfig cfg, SimWorld<A> world, TraceSink trace) {
        this.seed = seed;
        this.cfg = cfg;
        this.rnd = new Random(seed);
        this.world = world;
        this.trace = trace;
        this.nodeConfig = world.nodeConfig();
        for (int i = 0; i < cfg.n(); i++) {
            names.put(world.signer(i).address(), "n" + (i + 1));
        }
        this.validators = world.genesis();
        for (int i = 0; i < cfg.n(); i++) {
            Fault f = i < cfg.byzantine() ? cfg.fault() : null;
            add(new SimNode<>(i, "n" + (i + 1), world.signer(i), f, world.newApp(i, "n" + (i + 1))));
            if (f == Fault.TWINS) {
                add(new SimNode<>(i, "n" + (i + 1) + "b", world.signer(i), f, world.newApp(i, "n" + (i + 1) + "b")));
            }
        }
        this.monitor = new SafetyMonitor<>(this);
        this.byzantine = new ByzantineOutbox<>(this);
    }

    private void add(SimNode<A> n) {
        nodes.add(n);
        byAddress.computeIfAbsent(n.address, a -> new ArrayList<>()).add(n);
    }

    public long seed() {
        return seed;
    }

    public SimConfig config() {
        return cfg;
    }

    /** The run's only source of randomness: worlds draw from it too, so that a seed replays. */
    public Random random() {
        return rnd;
    }

    /** Simulated time in ms. */
    public long now() {
        return now;
    }

    public List<SimNode<A>> nodes() {
        return List.copyOf(nodes);
    }

    public TraceSink trace() {
        return trace;
    }

    public SafetyMonitor<A> monitor() {
        return monitor;
    }

    /** Schedules an action at a simulated time (ties run in scheduling order). */
    public void at(long time, Runnable r) {
        queue.add(new Event(time, seq++, r));
    }

    /** Runs the whole scenario and returns the verdict (empty list = all properties hold). */
    public List<String> run() {
        for (SimNode<A> n : nodes) {
            at(rnd.nextInt(20), () -> boot(n));
        }
        planFaults();
        for (long t = world.firstTickMs(); t < cfg.durationMs(); t += world.tickMs()) {
            at(t, () -> world.tick(this));
        }
        at(cfg.healAtMs(), () -> {
            for (SimNode<A> n : nodes) {
                n.group = 0;
                if (!n.up) {
                    n.up = true; // a crashed node restarts at the latest when the network heals
                    boot(n);
                }
                heightsAtHeal.put(n.name, n.committedHeight());
            }
        });
        while (!queue.isEmpty()) {
            Event e = queue.poll();
            if (e.time > cfg.durationMs()) {
                break;
            }
            now = e.time;
            e.action.run();
        }
        return monitor.verdict();
    }

    private void planFaults() {
        if (cfg.permanentTwinSplit()) {
            // side 0: honest even indices + first twin of each pair; side 1: honest odd + second twins
            Map<Integer, Integer> seen = new HashMap<>();
            int honest = 0;
            for (SimNode<A> n : nodes) {
                if (n.fault == Fault.TWINS) {
                    n.group = seen.merge(n.index, 1, Integer::sum) - 1;
                } else {
                    n.group = honest++ % 2;
                }
            }
            return;
        }
        if (cfg.partitions()) {
            long start = 200 + rnd.nextInt((int) Math.max(1, cfg.healAtMs() / 2));
            at(start, () -> {
                for (SimNode<A> n : nodes) {
                    n.group = rnd.nextInt(2) + 1;
                }
            });
        }
        if (cfg.crashes()) {
            List<SimNode<A>> honest = nodes.stream().filter(SimNode::honest).toList();
            SimNode<A> victim = honest.get(rnd.nextInt(honest.size()));
            long crashAt = 100 + rnd.nextInt((int) Math.max(1, cfg.healAtMs() - 400));
            at(crashAt, () -> victim.crashPending = true);
            at(crashAt + 100 + rnd.nextInt(300), () -> restart(victim));
        }
    }

    /** Stops a node now, between two of its events (its engine and timers are gone; its stores stay). */
    public void crash(SimNode<A> n) {
        n.up = false;
        n.crashPending = false;
        n.epoch++;
    }

    /** Restarts a stopped node from its stores; does nothing if it runs. */
    public void restart(SimNode<A> n) {
        if (!n.up) {
            n.up = true;
            boot(n);
        }
    }

    private void boot(SimNode<A> n) {
        try {
            world.booting(this, n);
            n.engine = new ConsensusNode(nodeConfig, n.signer, world.verifier(), n.store, n.app, validators, trace,
                    namesFor(n));
            n.up = true;
            n.crashPending = false;
            n.epoch++;
            apply(n, n.engine.start());
        } catch (StoreException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<Address, String> namesFor(SimNode<A> n) {
        Map<Address, String> m = new HashMap<>(names);
        m.put(n.address, n.name);
        return m;
    }

    /** Offers a transaction to a running node's mempool and sends what the engine forwards. */
    public SubmitResult submit(SimNode<A> n, Bytes tx) {
        if (!n.up) {
            return SubmitResult.REJECTED;
        }
        SubmitResult r = n.engine.submit(tx);
        try {
            apply(n, n.engine.flush());
        } catch (StoreException e) {
            throw new IllegalStateException(e);
        }
        return r;
    }

    /** Carries out a node's actions, unless it crashes right now (then they are lost: killed before sending). */
    void apply(SimNode<A> n, List<NodeAction> actions) {
        if (n.crashPending) {
            crash(n);
            return;
        }
        int epoch = n.epoch;
        for (NodeAction a : actions) {
            if (a instanceof NodeAction.Broadcast b) {
                monitor.sent(n, b.payload());
                for (SimNode<A> to : nodes) {
                    if (!to.address.equals(n.address)) {
                        byzantine.send(n, to, b.payload());
                    }
                }
            } else if (a instanceof NodeAction.SendTo s) {
                monitor.sent(n, s.payload());
                for (SimNode<A> to : byAddress.getOrDefault(s.peer(), List.of())) {
                    byzantine.send(n, to, s.payload());
                }
            } else if (a instanceof NodeAction.SetTimer t) {
                at(now + t.delayMs(), () -> fire(n, epoch, t.key()));
            } else if (a instanceof NodeAction.Committed c) {
                monitor.committed(n, c.block());
                world.committed(this, n, c.block());
            }
        }
    }

    /** A consensus message over the network. */
    void transmit(SimNode<A> from, SimNode<A> to, Bytes payload) {
        send(from, to, () -> deliver(from, to, payload));
    }

    /**
     * The network, for consensus messages and a world's own (L2 blocks): partition filter, loss, duplication, random
     * delay (which also reorders); {@code arrival} runs only if the receiver is up and still on the sender's side.
     */
    public void send(SimNode<A> from, SimNode<A> to, Runnable arrival) {
        if (from.group != to.group) {
            return;
        }
        if (rnd.nextDouble() < cfg.loss()) {
            return;
        }
        int copies = rnd.nextDouble() < cfg.duplication() ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            long delay = cfg.minDelayMs() + rnd.nextInt(cfg.maxDelayMs() - cfg.minDelayMs() + 1);
            at(now + delay, () -> {
                if (to.up && from.group == to.group) {
                    arrival.run();
                }
            });
        }
    }

    private void deliver(SimNode<A> from, SimNode<A> to, Bytes payload) {
        deliveries++;
        try {
            apply(to, to.engine.onMessage(from.address, payload));
        } catch (StoreException e) {
            throw new IllegalStateException(e);
        }
    }

    private void fire(SimNode<A> n, int epoch, TimerKey key) {
        if (!n.up || n.epoch != epoch) {
            return;
        }
        try {
            apply(n, n.engine.onTimer(key));
        } catch (StoreException e) {
            throw new IllegalStateException(e);
        }
    }
}
