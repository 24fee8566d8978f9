package seqpool.specs.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TlcResultTest {

    @Test
    void parsesPass() {
        TlcResult r = TlcResult.of(0, "Model checking completed. No error has been found.\n"
                + "1,234 states generated, 1,001 distinct states found, 0 states left on queue.\n"
                + "The depth of the complete state graph search is 17.\n");
        assertEquals(TlcOutcome.PASSED, r.outcome());
        assertEquals(1001, r.distinctStates());
        assertEquals(17, r.depth());
    }

    @Test
    void parsesInvariantViolation() {
        TlcResult r = TlcResult.of(12, "Error: Invariant NoTwoBlocksAtHeight is violated.\n"
                + "State 1: <Initial predicate>\nState 2: <Next>\nState 3: <Next>\n");
        assertEquals(TlcOutcome.INVARIANT_VIOLATED, r.outcome());
        assertEquals("NoTwoBlocksAtHeight", r.violated());
        assertEquals(3, r.depth());
    }

    @Test
    void otherExitCodesAreErrors() {
        assertEquals(TlcOutcome.ERROR, TlcResult.of(150, "Parsing failed").outcome());
        assertEquals(TlcOutcome.PROPERTY_VIOLATED, TlcResult.of(13, "Temporal properties were violated.").outcome());
    }
}
