package seqpool.consensus.sim;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import seqpool.codec.trace.NdjsonTraceWriter;

/**
 * Replays one seed with its trace: {@code -Dseqpool.sim.replay=SEED[:n[:FAULT]]} writes
 * target/sim-replay-SEED.ndjson and prints the verdict and each node's state. Skipped without the property.
 */
class SimReplayTest {
    @Test
    void replay() throws Exception {
        String spec = System.getProperty("seqpool.sim.replay");
        Assumptions.assumeTrue(spec != null, "set -Dseqpool.sim.replay=SEED[:n[:FAULT]]");
        String[] p = spec.split(":");
        long seed = Long.parseLong(p[0]);
        int n = p.length > 1 ? Integer.parseInt(p[1]) : 4;
        Fault f = p.length > 2 && !p[2].equals("NONE") ? Fault.valueOf(p[2]) : null;
        Path file = Path.of("target", "sim-replay-" + seed + ".ndjson");
        try (NdjsonTraceWriter w = NdjsonTraceWriter.toFile(file)) {
            Simulation<SimApp> sim = Simulation.clientTxs(seed, SimConfig.standard(n, f), w);
            List<String> v = sim.run();
            System.out.println("seed " + seed + " verdict: " + (v.isEmpty() ? "OK" : String.join("\n", v)));
            for (SimNode<SimApp> node : sim.nodes) {
                System.out.println(node.name + " up=" + node.up + " committed=" + node.committedHeight()
                        + (node.engine == null ? "" : " state=" + node.engine.driver().state()));
            }
            System.out.println("trace: " + file.toAbsolutePath() + " (" + w.count() + " events)");
        }
    }
}
