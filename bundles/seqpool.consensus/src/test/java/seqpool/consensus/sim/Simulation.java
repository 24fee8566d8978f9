package seqpool.consensus.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.consensus.Validator;
import seqpool.api.consensus.ValidatorSet;
import seqpool.api.store.StoreException;
import seqpool.api.trace.TraceSink;
import seqpool.codec.eip712.Eip712Domain;
import seqpool.consensus.node.ConsensusNode;
import seqpool.consensus.node.NodeAction;
import seqpool.consensus.node.NodeConfig;
import seqpool.consensus.node.TimerKey;
import seqpool.consensus.wire.MessageCodec;
import seqpool.consensus.wire.SigningDigests;
import seqpool.consensus.wire.WireLimits;

/**
 * The deterministic simulator: a seeded scheduler over simulated milliseconds, an in-memory network with delay, loss,
 * duplication, reordering, partitions and healing, crash/restart (a crash discards the output of the event being
 * processed, i.e. the node dies after signing and before sending), and Byzantine validators ({@link Fault}). Every
 * random choice comes from one {@link Random} seeded with the run's seed, so a seed replays a run exactly.
 */
final class Simulation {
    private record Event(long time, long seq, Runnable action) {
    }

    final long seed;
    final SimConfig cfg;
    final Random rnd;
    final SimKeys keys;
    final List<SimNode> nodes = new ArrayList<>();
    final Map<Address, List<SimNode>> byAddress = new HashMap<>();
    final Set<Bytes> knownTxs = new HashSet<>();
    final SafetyMonitor monitor;
    final MessageCodec codec = new MessageCodec(WireLimits.DEFAULT);
    final NodeConfig nodeConfig;
    final ByzantineOutbox byzantine;
    private final PriorityQueue<Event> queue = new PriorityQueue<>((a, b) -> a.time != b.time
            ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
    private final TraceSink trace;
    private final ValidatorSet validators;
    private final Map<Address, String> names = new HashMap<>();
    long now;
    private long seq;
    private long txSeq;
    long deliveries;
    Map<String, Long> heightsAtHeal = new HashMap<>();

    Simulation(long seed, SimConfig cfg, TraceSink trace) {
        this.seed = seed;
        this.cfg = cfg;
        this.rnd = new Random(seed);
        this.keys = new SimKeys(cfg.n(), seed);
        this.trace = trace;
        SigningDigests digests = new SigningDigests(Eip712Domain.seqpool(31337, keys.address(0)));
        this.nodeConfig = NodeConfig.defaults(digests).withTimeouts(300, 150, 150, 100).withGossipInterval(150);
        List<Validator> vs = new ArrayList<>();
        for (int i = 0; i < cfg.n(); i++) {
            vs.add(new Validator(keys.address(i), 1));
            names.put(keys.address(i), "n" + (i + 1));
        }
        this.validators = new ValidatorSet(vs);
        for (int i = 0; i < cfg.n(); i++) {
            Fault f = i < cfg.byzantine() ? cfg.fault() : null;
            add(new SimNode(i, "n" + (i + 1), keys.signer(i), f));
            if (f == Fault.TWINS) {
                add(new SimNode(i, "n" + (i + 1) + "b", keys.signer(i), f));
            }
        }
        this.monitor = new SafetyMonitor(this);
        this.byzantine = new ByzantineOutbox(this);
    }

    private void add(SimNode n) {
        nodes.add(n);
        byAddress.computeIfAbsent(n.address, a -> new ArrayList<>()).add(n);
    }

    void at(long time, Runnable r) {
        queue.add(new Event(time, seq++, r));
    }

    /** Runs the whole scenario and returns the monitor's verdict (empty list = all properties hold). */
    List<String> run() {
        for (SimNode n : nodes) {
            at(rnd.nextInt(20), () -> boot(n));
        }
        planFaults();
        for (long t = 50; t < cfg.durationMs(); t += 20) {
            at(t, this::clientTx);
        }
        at(cfg.healAtMs(), () -> {
            for (SimNode n : nodes) {
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
            for (SimNode n : nodes) {
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
                for (SimNode n : nodes) {
                    n.group = rnd.nextInt(2) + 1;
                }
            });
        }
        if (cfg.crashes()) {
            List<SimNode> honest = nodes.stream().filter(SimNode::honest).toList();
            SimNode victim = honest.get(rnd.nextInt(honest.size()));
            long crashAt = 100 + rnd.nextInt((int) Math.max(1, cfg.healAtMs() - 400));
            at(crashAt, () -> victim.crashPending = true);
            at(crashAt + 100 + rnd.nextInt(300), () -> {
                if (!victim.up) {
                    victim.up = true;
                    boot(victim);
                }
            });
        }
    }

    private void boot(SimNode n) {
        try {
            n.engine = new ConsensusNode(nodeConfig, n.signer, keys, n.store, n.app, validators, trace, namesFor(n));
            n.up = true;
            n.crashPending = false;
            n.epoch++;
            apply(n, n.engine.start());
        } catch (StoreException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<Address, String> namesFor(SimNode n) {
        Map<Address, String> m = new HashMap<>(names);
        m.put(n.address, n.name);
        return m;
    }

    private void clientTx() {
        List<SimNode> up = nodes.stream().filter(x -> x.up && x.honest()).toList();
        if (up.isEmpty()) {
            return;
        }
        SimNode target = up.get(rnd.nextInt(up.size()));
        Bytes tx = Bytes.utf8("tx-" + seed + "-" + (txSeq++));
        knownTxs.add(tx);
        target.engine.submit(tx);
        try {
            apply(target, target.engine.flush());
        } catch (StoreException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Carries out a node's actions, unless it crashes right now (then they are lost: killed before sending). */
    void apply(SimNode n, List<NodeAction> actions) {
        if (n.crashPending) {
            n.crashPending = false;
            n.up = false;
            n.epoch++;
            return;
        }
        int epoch = n.epoch;
        for (NodeAction a : actions) {
            if (a instanceof NodeAction.Broadcast b) {
                monitor.sent(n, b.payload());
                for (SimNode to : nodes) {
                    if (!to.address.equals(n.address)) {
                        byzantine.send(n, to, b.payload());
                    }
                }
            } else if (a instanceof NodeAction.SendTo s) {
                monitor.sent(n, s.payload());
                for (SimNode to : byAddress.getOrDefault(s.peer(), List.of())) {
                    byzantine.send(n, to, s.payload());
                }
            } else if (a instanceof NodeAction.SetTimer t) {
                at(now + t.delayMs(), () -> fire(n, epoch, t.key()));
            } else if (a instanceof NodeAction.Committed c) {
                monitor.committed(n, c.block());
            }
        }
    }

    /** The network: partition filter, loss, duplication, random delay (which also reorders). */
    void transmit(SimNode from, SimNode to, Bytes payload) {
        if (from.group != to.group) {
            return;
        }
        if (rnd.nextDouble() < cfg.loss()) {
            return;
        }
        int copies = rnd.nextDouble() < cfg.duplication() ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            long delay = cfg.minDelayMs() + rnd.nextInt(cfg.maxDelayMs() - cfg.minDelayMs() + 1);
            at(now + delay, () -> deliver(from, to, payload));
        }
    }

    private void deliver(SimNode from, SimNode to, Bytes payload) {
        if (!to.up || from.group != to.group) {
            return;
        }
        deliveries++;
        try {
            apply(to, to.engine.onMessage(from.address, payload));
        } catch (StoreException e) {
            throw new IllegalStateException(e);
        }
    }

    private void fire(SimNode n, int epoch, TimerKey key) {
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
