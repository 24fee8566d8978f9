package seqpool.consensus.sim;

import java.util.List;

import seqpool.api.trace.TraceSink;

/**
 * Long soak of the simulator outside JUnit, printing progress: {@code java -cp <test classpath>
 * seqpool.consensus.sim.SimulationSoak SEEDS_PER_SCENARIO [FIRST_SEED]}. Scenarios: n=4 and n=7, each fault kind and
 * no fault, f < n/3. Stops at the first failing seed and prints it (replay with -Dseqpool.sim.replay).
 */
public final class SimulationSoak {
    private SimulationSoak() {
    }

    public static void main(String[] args) {
        int seeds = Integer.parseInt(args[0]);
        long first = args.length > 1 ? Long.parseLong(args[1]) : 100_000;
        Fault[] faults = {null, Fault.SILENT, Fault.EQUIVOCATING_PROPOSER, Fault.DOUBLE_VOTER, Fault.TWINS, Fault.CONFLICTING};
        long runs = 0;
        long start = System.nanoTime();
        for (int block = 0; block < seeds; block += 10) {
            for (int n : new int[] {4, 7}) {
                for (Fault f : faults) {
                    for (long s = first + block; s < first + Math.min(seeds, block + 10); s++) {
                        List<String> v = Simulation.clientTxs(s, SimConfig.standard(n, f), TraceSink.NONE).run();
                        runs++;
                        if (!v.isEmpty()) {
                            System.out.println("FAIL seed " + s + " n=" + n + " fault=" + f + ": " + v);
                            System.exit(1);
                        }
                    }
                }
            }
            System.out.printf("ok: %d runs (seeds %d..%d for n=4 and n=7, 5 fault kinds), %.0f s%n", runs, first,
                    first + Math.min(seeds, block + 10) - 1, (System.nanoTime() - start) / 1e9);
        }
        System.out.println("DONE " + runs + " runs, no violation");
    }
}
