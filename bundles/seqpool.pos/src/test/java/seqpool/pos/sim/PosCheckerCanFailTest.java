package seqpool.pos.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import seqpool.api.trace.TraceSink;
import seqpool.consensus.sim.Simulation;

/**
 * Proof that the PoS simulation's checks can fail: when every node skips the side-transaction check (prevotes for L1
 * events it never confirmed), an event that only a minority saw before a reorg gets committed, and the validity rule
 * must say so.
 */
class PosCheckerCanFailTest {
    @Test
    void anApplicationThatTrustsTheProposersL1EventsCommitsAReorganisedEvent() {
        String found = null;
        for (long seed = 40_000; seed < 40_020 && found == null; seed += 2) { // even seeds: no false-view node
            PosScenario sc = PosScenario.reorgs(seed);
            PosWorld world = new PosWorld(seed, sc, TraceSink.NONE).breakSideTransactionCheck();
            List<String> v = new Simulation<>(seed, sc.sim(), world, TraceSink.NONE).run();
            found = v.stream().filter(x -> x.contains("VALIDITY") && x.contains("reorganised L1 event")).findFirst()
                    .orElse(null);
        }
        System.out.println("caught: " + found);
        assertTrue(found != null, "a committed reorganised L1 event must be reported");
    }
}
