package seqpool.specs.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class TraceReaderTest {
    @Test
    void readerNamesTheLine() {
        TraceFormatException ex = assertThrows(TraceFormatException.class, () -> TraceReader.parse(List.of(
                "{\"seq\":1,\"node\":\"n1\",\"event\":\"E\"}", "{\"seq\":2,\"node\":\"n1\"}")));
        assertEquals(2, ex.line());
    }
}
