package seqpool.specs.trace;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TraceToTlaTest {

    @Test
    void writesRecordsTuplesAndDefinitions() {
        List<TraceEvent> events = TraceReader.parse(List.of(
                "{\"seq\":1,\"node\":\"n1\",\"event\":\"Signed\",\"generation\":2,\"signers\":[\"n1\",\"n2\"]}",
                "{\"seq\":2,\"node\":\"n2\",\"event\":\"Propose\",\"validRound\":-1,\"value\":\"a\\\"b\"}"));
        String tla = TraceToTla.module(events, Map.of("TMembers", "{\"n1\"}"));
        assertTrue(tla.contains("[event |-> \"Signed\", node |-> \"n1\", generation |-> 2, "
                + "signers |-> <<\"n1\", \"n2\">>]"), tla);
        assertTrue(tla.contains("validRound |-> (-1)"), tla);
        assertTrue(tla.contains("value |-> \"a\\\"b\""), tla);
        assertTrue(tla.contains("TMembers == {\"n1\"}"), tla);
        assertTrue(tla.startsWith("---- MODULE TraceData ----"));
    }

    @Test
    void refusesFieldsThatAreNotIdentifiers() {
        List<TraceEvent> events = TraceReader.parse(List.of("{\"seq\":1,\"node\":\"n1\",\"event\":\"E\",\"a-b\":1}"));
        assertThrows(TraceFormatException.class, () -> TraceToTla.module(events, Map.of()));
    }
}
