package seqpool.pos.sim;

import java.util.List;
import java.util.function.LongFunction;

import seqpool.api.trace.TraceSink;
import seqpool.consensus.sim.Simulation;

/**
 * Many seeds of every PoS scenario outside JUnit, with timings: {@code java -cp <test classpath>
 * seqpool.pos.sim.PosSimulationSoak SEEDS [FIRST_SEED [SCENARIO]]}
 * (or {@code replay SCENARIO:SEED}). Prints each failing seed with its replay key, and per scenario
 * the slowest run, the latest time a run met its liveness targets (to size the observation windows) and the longest
 * rotation of a stalled producer.
 */
public final class PosSimulationSoak {
    private PosSimulationSoak() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("replay")) {
            PosSimReplayTest.replay(args[1]);
            return;
        }
        int seeds = Integer.parseInt(args[0]);
        long first = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        String only = args.length > 2 ? args[2] : "";
        boolean verbose = Boolean.getBoolean("verbose");
        List<LongFunction<PosScenario>> all = List.of(PosScenario::honest, PosScenario::crashesAndPartitions,
                PosScenario::stalledProducer, PosScenario::reorgs, PosScenario::joinAndLeave);
        int failures = 0;
        for (LongFunction<PosScenario> scenario : all) {
            String name = scenario.apply(first).name();
            if (!only.isEmpty() && !only.equals(name)) {
                continue;
            }
            long slowest = 0;
            long latestDone = 0;
            long latestRotation = 0;
            long fewestEpochs = Long.MAX_VALUE;
            long total = System.nanoTime();
            for (long s = first; s < first + seeds; s++) {
                PosScenario sc = scenario.apply(s);
                PosWorld world = new PosWorld(s, sc, TraceSink.NONE);
                long t0 = System.nanoTime();
                List<String> v = new Simulation<>(s, sc.sim(), world, TraceSink.NONE).run();
                slowest = Math.max(slowest, (System.nanoTime() - t0) / 1_000_000);
                latestDone = Math.max(latestDone, world.scripts.doneAt());
                latestRotation = Math.max(latestRotation, world.scripts.longestRotationMs());
                fewestEpochs = Math.min(fewestEpochs, world.scripts.fewestEpochsAfterHeal());
                if (verbose) {
                    System.out.println(sc.replayKey(s) + " fault " + sc.sim().fault() + " stall " + sc.stall() + ": "
                            + world.stats());
                }
                if (!v.isEmpty()) {
                    failures++;
                    System.out.println("FAIL " + sc.replayKey(s) + " (fault " + sc.sim().fault() + ", stall "
                            + sc.stall() + "): " + String.join(" | ", v));
                }
            }
            System.out.printf("%s: %d seeds in %.1f s, slowest run %d ms, liveness met by t=%d ms (window %d ms),"
                    + " longest rotation %d ms (bound %d ms), fewest epochs after the heal %d (target %d)%n", name,
                    seeds, (System.nanoTime() - total) / 1e9, slowest, latestDone,
                    scenario.apply(first).sim().durationMs(), latestRotation, Scripts.ROTATION_BOUND_MS, fewestEpochs,
                    scenario.apply(first).epochsAfterHeal());
        }
        System.out.println(failures == 0 ? "DONE, no violation" : "DONE, " + failures + " failing seeds");
    }
}
