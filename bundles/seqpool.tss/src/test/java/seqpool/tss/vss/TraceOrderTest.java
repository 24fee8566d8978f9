package seqpool.tss.vss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Address;
import seqpool.api.tss.Committee;
import seqpool.api.tss.KeyId;
import seqpool.codec.trace.NdjsonTraceWriter;
import seqpool.tss.share.KeyShare;
import seqpool.tss.testing.Parties;
import seqpool.tss.testing.VssRun;

/**
 * A DKG and a reshare over a network that delivers every message the moment it is sent, before the sender records
 * what follows the send (the fastest receivers a run on real threads can have). The merged trace must still show every
 * cause before its effect: every deal before the first acknowledgement, every acknowledgement before the first
 * completion. A node that traced after sending failed this (and once failed TLC on the netty loopback trace). The file
 * {@code target/traces/reshare-fast-receivers.ndjson} is also validated by TLC in the specs module.
 */
class TraceOrderTest {
    private static final KeyId KEY = KeyId.of("pool.batch");

    @Test
    void fastestReceiversStillSeeEveryCauseFirst() throws Exception {
        Path file = Path.of("target", "traces", "reshare-fast-receivers.ndjson");
        try (NdjsonTraceWriter trace = NdjsonTraceWriter.toFile(file)) {
            Committee c1 = new Committee(Parties.range(1, 4), 3);
            VssRun dkg = new VssRun(VssConfig.dkg(KEY, 1, c1), Map.of(), 21, trace, Map.of(), List.of());
            dkg.net.depthFirst();
            Map<Address, KeyShare> g1 = dkg.run().shares();
            assertEquals(4, g1.size());

            KeyShare any = g1.values().iterator().next();
            Committee c2 = new Committee(Parties.range(1, 7), 5);
            VssConfig cfg = VssConfig.reshare(KEY, 2, c1, c1.members(), 1, c2, any.publicKeys().groupKey());
            VssRun reshare = new VssRun(cfg, g1, 22, trace, Map.of(), List.of());
            reshare.net.depthFirst();
            assertEquals(7, reshare.run().shares().size(), () -> "aborted: " + reshare.aborts());
        }
        List<String> events = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            events.add(line.replaceAll(".*\"event\":\"([A-Za-z]+)\".*", "$1"));
        }
        assertTrue(events.lastIndexOf("DkgDealt") < events.indexOf("DkgCompleted"), events::toString);
        assertEquals(4, events.stream().filter("ReshareDealt"::equals).count(), events::toString);
        assertEquals(7, events.stream().filter("ReshareAcked"::equals).count(), events::toString);
        assertTrue(events.lastIndexOf("ReshareDealt") < events.indexOf("ReshareAcked"), events::toString);
        assertTrue(events.lastIndexOf("ReshareAcked") < events.indexOf("ReshareCompleted"), events::toString);
    }
}
