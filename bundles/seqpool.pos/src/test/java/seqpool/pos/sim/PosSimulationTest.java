package seqpool.pos.sim;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.function.LongFunction;

import org.junit.jupiter.api.Test;

import seqpool.api.trace.TraceSink;
import seqpool.consensus.sim.Simulation;

/**
 * The PoS application with the consensus engine in the deterministic simulator, seeded runs per scenario. Every run
 * checks consensus safety, the PoS invariants at every commit ({@link PosChecks}) and the scenario's liveness
 * ({@link Scripts}); a failing seed names its replay key. More seeds: {@code -Dseqpool.sim.seeds=N}.
 */
class PosSimulationTest {
    static final int SEEDS = Integer.getInteger("seqpool.sim.seeds", 40);

    static Simulation<PosNode> simulation(PosScenario sc, long seed, TraceSink trace) {
        return new Simulation<>(seed, sc.sim(), new PosWorld(seed, sc, trace), trace);
    }

    static void runSeeds(LongFunction<PosScenario> scenario, long base) {
        for (long s = base; s < base + SEEDS; s++) {
            PosScenario sc = scenario.apply(s);
            List<String> v = simulation(sc, s, TraceSink.NONE).run();
            if (!v.isEmpty()) {
                fail("seed " + s + " (" + sc.name() + ", fault " + sc.sim().fault() + ", stall " + sc.stall()
                        + ") failed; replay with -Dseqpool.possim.replay=" + sc.replayKey(s) + ":\n"
                        + String.join("\n", v));
            }
        }
    }

    @Test
    void n4Honest() {
        runSeeds(PosScenario::honest, 10_000);
    }

    @Test
    void n4CrashesAndPartitions() {
        runSeeds(PosScenario::crashesAndPartitions, 20_000);
    }

    @Test
    void stalledProducerIsRotatedOut() {
        runSeeds(PosScenario::stalledProducer, 30_000);
    }

    @Test
    void l1ReorgsAndFalseViews() {
        runSeeds(PosScenario::reorgs, 40_000);
    }

    @Test
    void validatorJoinsAndLeaves() {
        runSeeds(PosScenario::joinAndLeave, 50_000);
    }
}
