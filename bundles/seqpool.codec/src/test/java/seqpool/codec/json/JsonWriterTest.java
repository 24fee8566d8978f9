package seqpool.codec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** What the writer writes, the reader reads back; strict and lenient modes differ only on values with no JSON form. */
class JsonWriterTest {
    @Test
    void writesEveryJsonTypeAndEscapesSoStringsRoundTrip() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a\"b\\c\n\r\t\u0001\b\fé\ud83d\ude00");
        m.put("n", 42L);
        m.put("i", -7);
        m.put("big", new BigInteger("123456789012345678901234567890"));
        m.put("d", 1.5);
        m.put("list", Arrays.asList(true, false, null, List.of(), Set.of(1)));
        m.put("raw", (JsonWriter.Raw) () -> "{\"x\":[1,2]}");
        String text = JsonWriter.write(m);
        assertEquals("{\"s\":\"a\\\"b\\\\c\\n\\r\\t\\u0001\\u0008\\u000cé\ud83d\ude00\",\"n\":42,\"i\":-7,"
                + "\"big\":123456789012345678901234567890,\"d\":1.5,\"list\":[true,false,null,[],[1]],"
                + "\"raw\":{\"x\":[1,2]}}", text);
        Map<String, Object> back = JsonReader.parseObject(text.replace("123456789012345678901234567890", "7"));
        assertEquals(m.get("s"), back.get("s"));
        assertEquals(Map.of("x", List.of(1L, 2L)), back.get("raw"));
    }

    @Test
    void loneSurrogatesAreEscaped() {
        assertEquals("\"\\ud800x\\udc00\"", JsonWriter.write("\ud800x\udc00"));
    }

    @Test
    void strictRefusesWhatHasNoJsonFormLenientWritesItsText() {
        Object thing = new Object() {
            @Override
            public String toString() {
                return "thing";
            }
        };
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(thing));
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(Double.NaN));
        assertEquals("{\"k\":\"thing\",\"nan\":\"NaN\"}",
                JsonWriter.writeLenient(new LinkedHashMap<>(Map.of("k", thing)) {
                    {
                        put("nan", Double.NaN);
                    }
                }));
    }
}
