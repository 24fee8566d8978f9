package seqpool.pos.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import seqpool.api.trace.TraceSink;
import seqpool.codec.trace.NdjsonTraceWriter;
import seqpool.consensus.sim.SimNode;
import seqpool.consensus.sim.Simulation;

/**
 * Replays one PoS seed with its trace: {@code -Dseqpool.possim.replay=SCENARIO:SEED} (the key a failing seed prints)
 * writes target/possim-replay-SCENARIO-SEED.ndjson (consensus and PoS events, each with its simulated time t) and
 * prints the verdict, what the run exercised, every assignment with the time it was first committed, and each node's
 * final state. Skipped without the property.
 */
class PosSimReplayTest {
    static final Map<String, LongFunction<PosScenario>> SCENARIOS = Map.of("honest", PosScenario::honest,
            "crashes-partitions", PosScenario::crashesAndPartitions, "stalled-producer", PosScenario::stalledProducer,
            "reorgs", PosScenario::reorgs, "join-leave", PosScenario::joinAndLeave);

    @Test
    void replay() throws Exception {
        String key = System.getProperty("seqpool.possim.replay");
        Assumptions.assumeTrue(key != null, "set -Dseqpool.possim.replay=SCENARIO:SEED");
        replay(key);
    }

    static void replay(String key) throws Exception {
        String[] p = key.split(":");
        long seed = Long.parseLong(p[1]);
        PosScenario sc = SCENARIOS.get(p[0]).apply(seed);
        Path file = Path.of("target", "possim-replay-" + p[0] + "-" + seed + ".ndjson");
        try (NdjsonTraceWriter w = NdjsonTraceWriter.toFile(file)) {
            List<Simulation<PosNode>> holder = new ArrayList<>();
            TraceSink timed = (node, event, fields) -> { // with the simulated time, for reading the replay
                Map<String, Object> f = new LinkedHashMap<>(fields);
                f.put("t", holder.isEmpty() ? 0 : holder.get(0).now());
                w.record(node, event, f);
            };
            PosWorld world = new PosWorld(seed, sc, timed);
            Simulation<PosNode> sim = new Simulation<>(seed, sc.sim(), world, timed);
            holder.add(sim);
            List<String> v = sim.run();
            System.out.println(key + " (fault " + sc.sim().fault() + ", stall " + sc.stall() + ") verdict: "
                    + (v.isEmpty() ? "OK" : String.join("\n", v)));
            System.out.println("exercised: " + world.stats());
            TreeMap<Long, String> timeline = new TreeMap<>();
            world.checks.assignedAt.forEach((k, t) -> timeline.merge(t, k + " " + world.checks.assignment(
                    Long.parseLong(k.split("/")[0]), Integer.parseInt(k.split("/")[1])).orElseThrow().producer(),
                    (a, b) -> a + "; " + b));
            timeline.forEach((t, a) -> System.out.println("  t=" + t + " assigned " + a));
            for (SimNode<PosNode> n : sim.nodes()) {
                var st = n.app.service().status();
                System.out.println(n.name + " " + n.address + (n.honest() ? "" : " " + n.fault) + " up=" + n.up()
                        + " height=" + st.height() + " epoch=" + st.epoch() + " l2Head=" + st.l2Head() + " chain="
                        + n.app.chain.headNumber() + " key=" + st.poolKey().map(k -> "gen " + k.generation() + " onL1 "
                        + k.onL1()).orElse("none") + " members=" + st.members().stream().map(m -> m.seqId() + ":"
                        + m.status() + "/" + m.faults()).toList() + " open=" + n.app.service().openTasks().stream()
                        .map(t -> t.id() + "#" + t.attempt()).toList());
            }
            System.out.println("trace: " + file.toAbsolutePath() + " (" + w.count() + " events)");
        }
    }
}
