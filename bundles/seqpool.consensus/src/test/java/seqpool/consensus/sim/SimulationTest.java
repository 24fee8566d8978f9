package seqpool.consensus.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Seeded simulation runs: agreement, validity, no honest double-sign, progress after healing. */
class SimulationTest {
    static final int SEEDS = Integer.getInteger("seqpool.sim.seeds", 40);

    static void runSeeds(int n, Fault fault, int seeds, long base) {
        for (long s = base; s < base + seeds; s++) {
            Simulation<SimApp> sim = Simulation.clientTxs(s, SimConfig.standard(n, fault), seqpool.api.trace.TraceSink.NONE);
            List<String> v = sim.run();
            if (!v.isEmpty()) {
                fail("seed " + s + " (n=" + n + ", fault=" + fault + ") failed; replay with -Dseqpool.sim.replay=" + s
                        + ":\n" + String.join("\n", v));
            }
        }
    }

    @Test
    void n4Honest() {
        runSeeds(4, null, SEEDS, 1_000);
    }

    @Test
    void n4Silent() {
        runSeeds(4, Fault.SILENT, SEEDS, 2_000);
    }

    @Test
    void n4EquivocatingProposer() {
        runSeeds(4, Fault.EQUIVOCATING_PROPOSER, SEEDS, 3_000);
    }

    @Test
    void n4DoubleVoter() {
        runSeeds(4, Fault.DOUBLE_VOTER, SEEDS, 4_000);
    }

    @Test
    void n4Twins() {
        runSeeds(4, Fault.TWINS, SEEDS, 5_000);
    }

    @Test
    void n7Mixed() {
        runSeeds(7, Fault.DOUBLE_VOTER, SEEDS / 2, 6_000);
        runSeeds(7, Fault.TWINS, SEEDS / 2, 7_000);
        runSeeds(7, Fault.EQUIVOCATING_PROPOSER, SEEDS / 2, 8_000);
        runSeeds(7, Fault.SILENT, SEEDS / 2, 9_000);
    }

    @Test
    void sameSeedReplaysExactly() {
        Simulation<SimApp> a = Simulation.clientTxs(42, SimConfig.standard(4, Fault.DOUBLE_VOTER), seqpool.api.trace.TraceSink.NONE);
        Simulation<SimApp> b = Simulation.clientTxs(42, SimConfig.standard(4, Fault.DOUBLE_VOTER), seqpool.api.trace.TraceSink.NONE);
        a.run();
        b.run();
        assertEquals(a.deliveries, b.deliveries);
        for (int i = 0; i < a.nodes.size(); i++) {
            assertEquals(a.nodes.get(i).app.committed, b.nodes.get(i).app.committed);
        }
        assertTrue(a.nodes.get(0).app.committed.size() > 3, "the run commits blocks");
    }
}
