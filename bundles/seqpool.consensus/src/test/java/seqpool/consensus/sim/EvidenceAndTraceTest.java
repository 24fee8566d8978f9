package seqpool.consensus.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import seqpool.api.consensus.DuplicateVoteEvidence;
import seqpool.api.trace.TraceSink;
import seqpool.codec.trace.NdjsonTraceWriter;

class EvidenceAndTraceTest {
    @Test
    void doubleVoteIsDetectedGossipedCommittedAndHandedToTheApp() {
        Simulation<SimApp> sim = Simulation.clientTxs(11, SimConfig.standard(4, Fault.DOUBLE_VOTER).calm().withDuration(3000, 2000), TraceSink.NONE);
        assertEquals(List.of(), sim.run());
        for (SimNode<SimApp> n : sim.nodes) {
            if (!n.honest()) {
                continue;
            }
            List<DuplicateVoteEvidence> ev = n.app.evidence;
            assertTrue(!ev.isEmpty(), n.name + " received no evidence");
            Set<String> offences = new HashSet<>();
            for (DuplicateVoteEvidence e : ev) {
                assertEquals(sim.nodes.get(0).address, e.offender(), "only the double voter is accused");
                assertTrue(offences.add(e.height() + "/" + e.first().vote().round() + "/" + e.first().vote().kind()),
                        "each offence is committed once");
            }
        }
    }

    static final Pattern LINE = Pattern.compile("\\{\"seq\":\\d+,\"node\":\"(n\\d+)\",\"event\":\"(\\w+)\"(.*)}");
    static final Pattern VALUE = Pattern.compile("\"value\":\"(nil|0x[0-9a-f]{64})\"");

    @Test
    void traceHasExactlyTheSpecEvents() throws Exception {
        // the first seed from 7 whose partitions produce nil votes, so that both value forms are checked
        String trace = "";
        long seed = 7;
        for (; seed < 40 && !trace.contains("\"value\":\"nil\""); seed++) {
            StringWriter out = new StringWriter();
            try (NdjsonTraceWriter w = new NdjsonTraceWriter(out)) {
                Simulation.clientTxs(seed, SimConfig.standard(4, null), w).run();
            }
            trace = out.toString();
        }
        Path file = Path.of("target", "traces", "consensus-sim-n4-partitioned.ndjson");
        Files.createDirectories(file.getParent());
        Files.writeString(file, trace);
        Set<String> events = new HashSet<>();
        for (String line : trace.split("\n")) {
            Matcher m = LINE.matcher(line);
            assertTrue(m.matches(), line);
            String ev = m.group(2);
            String rest = m.group(3);
            events.add(ev);
            switch (ev) {
                case "Propose" -> assertTrue(rest.matches(",\"height\":\\d+,\"round\":\\d+,\"proposer\":\"n\\d\",\"value\":\"0x[0-9a-f]{64}\",\"validRound\":-?\\d+"), line);
                case "Prevote", "Precommit" -> assertTrue(rest.matches(",\"height\":\\d+,\"round\":\\d+,\"voter\":\"n\\d\",\"value\":\"(nil|0x[0-9a-f]{64})\""), line);
                case "Decide" -> assertTrue(rest.matches(",\"height\":\\d+,\"round\":\\d+,\"value\":\"0x[0-9a-f]{64}\""), line);
                case "NewRound" -> assertTrue(rest.matches(",\"height\":\\d+,\"round\":\\d+"), line);
                case "ValidatorSet" -> assertTrue(rest.matches(",\"height\":\\d+,\"validators\":\\[\"n\\d\"(,\"n\\d\"){3}]"
                        + ",\"powers\":\\[1,1,1,1]"), line);
                default -> throw new AssertionError("unexpected event " + line);
            }
            if (ev.equals("Prevote") || ev.equals("Precommit")) {
                assertTrue(VALUE.matcher(rest).find());
                assertEquals(m.group(1), rest.replaceAll(".*\"voter\":\"(n\\d)\".*", "$1"), "a node traces its own votes");
            }
        }
        assertEquals(Set.of("ValidatorSet", "Propose", "Prevote", "Precommit", "Decide", "NewRound"), events);
        assertTrue(trace.contains("\"value\":\"nil\""), "a partitioned run has nil votes");
    }
}
