package seqpool.consensus.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import seqpool.codec.trace.NdjsonTraceWriter;

/**
 * Writes the traces of seeded fault-injection simulations to {@code target/traces} for the specs module's trace
 * validation ({@code seqpool.specs}, ImplementationTraceTest). Byzantine validators are the first indices, so with
 * n = 4 and f = 1 the Byzantine node is n1; the file name lists them after {@code byz-}. Each node records the
 * validator set of every height it starts ({@code ValidatorSet}), so the checker counts quorums out of all validators.
 */
class FaultTraceExportTest {

    private static void export(String name, long seed, SimConfig cfg) throws Exception {
        Path file = Path.of("target", "traces", name);
        try (NdjsonTraceWriter w = NdjsonTraceWriter.toFile(file)) {
            List<String> verdict = Simulation.clientTxs(seed, cfg, w).run();
            assertEquals(List.of(), verdict, "the simulation's own safety/liveness monitor");
            assertTrue(w.count() > 0);
        }
    }

    @Test
    void doubleVoter() throws Exception {
        export("consensus-sim-n4-seed11-double-voter.byz-n1.ndjson", 11,
                SimConfig.standard(4, Fault.DOUBLE_VOTER).calm().withDuration(1500, 1000));
    }

    @Test
    void equivocatingProposer() throws Exception {
        export("consensus-sim-n4-seed5-equivocating-proposer.byz-n1.ndjson", 5,
                SimConfig.standard(4, Fault.EQUIVOCATING_PROPOSER).calm().withDuration(1500, 1000));
    }

    @Test
    void fiveValidators() throws Exception {
        // quorums are 4 of 5 (more than 2/3), not 2f+1 = 3
        export("consensus-sim-n5-seed3-crash-partition.ndjson", 3, SimConfig.standard(5, null).withDuration(1500, 800));
    }

    @Test
    void crashesAndPartitions() throws Exception {
        export("consensus-sim-n4-seed3-crash-partition.ndjson", 3, SimConfig.standard(4, null).withDuration(1500, 800));
    }
}
