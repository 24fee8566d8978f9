package seqpool.codec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonReaderTest {

    @Test
    void parsesTraceLine() {
        Map<String, Object> m = JsonReader.parseObject(
                "{\"seq\":3,\"node\":\"n1\",\"event\":\"Signed\",\"generation\":2,\"signers\":[\"n1\",\"n2\"],"
                        + "\"ok\":true,\"x\":null,\"neg\":-1,\"s\":\"a\\\"b\\u0041\"}");
        assertEquals(3L, m.get("seq"));
        assertEquals(List.of("n1", "n2"), m.get("signers"));
        assertEquals(Boolean.TRUE, m.get("ok"));
        assertEquals(-1L, m.get("neg"));
        assertEquals("a\"bA", m.get("s"));
        assertEquals(List.of("seq", "node", "event", "generation", "signers", "ok", "x", "neg", "s"),
                List.copyOf(m.keySet()));
    }

    @Test
    void rejectsMalformed() {
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("{\"a\":1"));
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("{\"a\":1}x"));
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("{\"a\":1,\"a\":2}"));
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("[1,]"));
    }
}
