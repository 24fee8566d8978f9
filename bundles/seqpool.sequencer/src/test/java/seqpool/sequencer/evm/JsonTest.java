package seqpool.sequencer.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import seqpool.codec.json.JsonReader;
import seqpool.codec.json.JsonWriter;

class JsonTest {
    @Test
    void writesWhatTheReaderReadsBack() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a\"b\\c\n\t\u0001é");
        m.put("n", 42L);
        m.put("big", new BigInteger("123456789012345678901234567890"));
        m.put("list", Arrays.asList(true, false, null, List.of()));
        m.put("raw", new RawJson("{\"x\":[1,2]}"));
        String text = JsonWriter.write(m);
        assertEquals("{\"s\":\"a\\\"b\\\\c\\n\\t\\u0001é\",\"n\":42,\"big\":123456789012345678901234567890,"
                + "\"list\":[true,false,null,[]],\"raw\":{\"x\":[1,2]}}", text);
        Map<String, Object> back = JsonReader.parseObject(text.replace("123456789012345678901234567890", "7"));
        assertEquals(m.get("s"), back.get("s"));
        assertEquals(Map.of("x", List.of(1L, 2L)), back.get("raw"));
    }

    @Test
    void refusesWhatIsNotJson() {
        assertThrows(IllegalArgumentException.class, () -> new RawJson("[1,"));
        assertThrows(IllegalArgumentException.class, () -> new RawJson("{} {}"));
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(new Object()));
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(Double.NaN));
        assertEquals("[\"0x1\",false]", RawJson.of(List.of("0x1", false)).text());
    }

    @Test
    void quantities() {
        assertEquals("0x0", Quantity.hex(0));
        assertEquals("0x11e1a300", Quantity.hex(300_000_000L));
        assertEquals(300_000_000L, Quantity.number("0x11e1a300"));
        assertThrows(IllegalArgumentException.class, () -> Quantity.number("0x"));
        assertThrows(IllegalArgumentException.class, () -> Quantity.number("12"));
        assertThrows(IllegalArgumentException.class, () -> Quantity.number("0x8000000000000000"));
        assertThrows(IllegalArgumentException.class, () -> Quantity.hex(-1));
    }
}
