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

    /** A node that signs conflicting real blocks and votes, breaking its lock: safety holds, and the pool goes on. */
    @Test
    void n4Conflicting() {
        runSeeds(4, Fault.CONFLICTING, SEEDS, 10_000);
        int votes = 0;
        int lockBreaking = 0;
        for (long s = 10_000; s < 10_010; s++) {
            Simulation<SimApp> sim = Simulation.clientTxs(s, SimConfig.standard(4, Fault.CONFLICTING),
                    seqpool.api.trace.TraceSink.NONE);
            assertTrue(sim.run().isEmpty());
            votes += sim.byzantine.conflictingVotes;
            lockBreaking += sim.byzantine.lockBreakingPrecommits;
        }
        assertTrue(votes > 100, "the adversary really signs votes for other real blocks: " + votes);
        assertTrue(lockBreaking > 0, "and precommits against its earlier precommit of the height: " + lockBreaking);
    }

    /** Two colluding such nodes among seven (f = 2). */
    @Test
    void n7TwoConflicting() {
        runSeeds(7, Fault.CONFLICTING, SEEDS / 2, 11_000);
    }

    /** The seed that failed on time alone in a 5 s window (decided in round 4 of height 5). */
    @Test
    void equivocatingProposerSeed7777265IsLiveWithinTheWindow() {
        runSeeds(4, Fault.EQUIVOCATING_PROPOSER, 1, 7_777_265);
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
