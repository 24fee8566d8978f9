package seqpool.tss.vss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import seqpool.api.tss.Committee;
import seqpool.api.tss.KeyId;
import seqpool.codec.trace.NdjsonTraceWriter;
import seqpool.tss.share.KeyShare;
import seqpool.tss.testing.Parties;
import seqpool.tss.testing.VssRun;

/**
 * Writes the traces of fault-injection runs to {@code target/traces} for the specs module's trace validation
 * ({@code seqpool.specs}, ImplementationTraceTest): a DKG with a Byzantine dealer that is complained about and
 * excluded (file name carries {@code byz-n3}), and a reshare aborted because a new member never answers, followed by a
 * successful reshare. The file name lists the Byzantine members after {@code byz-}.
 */
class FaultTraceExportTest {
    private static final KeyId KEY = KeyId.of("pool.batch");

    @Test
    void dkgWithByzantineDealer() throws Exception {
        Path file = Path.of("target", "traces", "tss-dkg-byzantine-dealer.byz-n3.ndjson");
        try (NdjsonTraceWriter trace = NdjsonTraceWriter.toFile(file)) {
            VssRun run = new VssRun(VssConfig.dkg(KeyId.of("k"), 1, ByzantineDkgTest.C), Map.of(), 99, trace,
                    Map.of(ByzantineDkgTest.EVIL, ByzantineDkgTest.InconsistentShareDealer::new), List.of()).run();
            assertTrue(run.aborts().isEmpty(), () -> "aborted: " + run.aborts());
            assertTrue(trace.count() > 0);
        }
    }

    @Test
    void reshareAbortedByAbsentMemberThenRetried() throws Exception {
        Path file = Path.of("target", "traces", "tss-reshare-abort-retry.ndjson");
        try (NdjsonTraceWriter trace = NdjsonTraceWriter.toFile(file)) {
            Committee c1 = new Committee(Parties.range(1, 4), 3);
            VssRun dkg = new VssRun(VssConfig.dkg(KEY, 1, c1), Map.of(), 21, trace, Map.of(), List.of()).run();
            Map<seqpool.api.common.Address, KeyShare> g1 = dkg.shares();
            KeyShare any = g1.values().iterator().next();
            Committee c2 = new Committee(Parties.range(1, 6), 4);
            VssConfig failing = VssConfig.reshare(KEY, 22, c1, c1.members(), 1, c2, any.publicKeys().groupKey());
            VssRun aborted = new VssRun(failing, g1, 22, trace, Map.of(), List.of(Parties.address(6))).run();
            assertEquals(5, aborted.aborts().size());
            Committee c3 = new Committee(Parties.range(2, 6), 4);
            VssConfig retry = VssConfig.reshare(KEY, 23, c1, c1.members(), 1, c3, any.publicKeys().groupKey());
            VssRun done = new VssRun(retry, g1, 23, trace, Map.of(), List.of()).run();
            assertTrue(done.aborts().isEmpty(), () -> "aborted: " + done.aborts());
        }
    }
}
