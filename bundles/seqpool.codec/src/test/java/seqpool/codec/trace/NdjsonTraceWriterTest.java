package seqpool.codec.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class NdjsonTraceWriterTest {
    @Test
    void writesOneObjectPerLineWithSequenceNumbers() throws Exception {
        StringWriter sw = new StringWriter();
        try (NdjsonTraceWriter w = new NdjsonTraceWriter(sw)) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("epoch", 3);
            f.put("members", List.of("n1", "n2"));
            f.put("note", "a\"b");
            w.record("n1", "ReshareDealt", f);
            w.record("n2", "EpochAssigned", Map.of());
        }
        assertEquals("{\"seq\":1,\"node\":\"n1\",\"event\":\"ReshareDealt\",\"epoch\":3,\"members\":[\"n1\",\"n2\"],"
                + "\"note\":\"a\\\"b\"}\n{\"seq\":2,\"node\":\"n2\",\"event\":\"EpochAssigned\"}\n", sw.toString());
    }

    @Test
    void rejectsReservedFieldNames() {
        NdjsonTraceWriter w = new NdjsonTraceWriter(new StringWriter());
        assertThrows(IllegalArgumentException.class, () -> w.record("n1", "E", Map.of("seq", 1)));
    }
}
