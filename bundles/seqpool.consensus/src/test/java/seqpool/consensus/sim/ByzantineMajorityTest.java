package seqpool.consensus.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import seqpool.api.trace.TraceSink;

/**
 * Proof that the checker can fail: with n/3 or more Byzantine power (two twin pairs among four validators, the twins
 * split across a permanent partition) each side holds more than 2/3 of the keys and the simulator must find an
 * agreement violation.
 */
class ByzantineMajorityTest {
    @Test
    void twinsWithHalfThePowerBreakAgreement() {
        long found = -1;
        for (long seed = 1; seed <= 30 && found < 0; seed++) {
            SimConfig cfg = SimConfig.standard(4, Fault.TWINS).withByzantine(2, Fault.TWINS).withDuration(3000, 3000).twinSplit();
            Simulation<SimApp> sim = Simulation.clientTxs(seed, cfg, TraceSink.NONE);
            List<String> v = sim.run();
            if (sim.monitor.agreementViolated()) {
                found = seed;
                System.out.println("agreement violation found with seed " + seed + ": " + v.get(0));
            }
        }
        assertTrue(found > 0, "with >= n/3 Byzantine power the simulator must be able to break agreement");
    }

    @Test
    void oneTwinPairBelowOneThirdCannot() {
        for (long seed = 1; seed <= 10; seed++) {
            SimConfig cfg = SimConfig.standard(4, Fault.TWINS).withDuration(3000, 3000).twinSplit();
            Simulation<SimApp> sim = Simulation.clientTxs(seed, cfg, TraceSink.NONE);
            sim.run();
            assertTrue(!sim.monitor.agreementViolated(), "seed " + seed + ": f < n/3 must keep agreement");
        }
    }
}
