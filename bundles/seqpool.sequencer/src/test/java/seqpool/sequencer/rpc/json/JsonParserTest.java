package seqpool.sequencer.rpc.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JsonParserTest {
    static Json parse(String s) throws JsonParseException {
        return JsonParser.parse(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Each valid document, written back compactly. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{}                                   | {}",
        " [ 1 , -0 , 2.5e-3 , 10E+2 ]          | [1,-0,2.5e-3,10E+2]",
        "{\"a\":[true,false,null],\"b\":{}}     | {\"a\":[true,false,null],\"b\":{}}",
        "\"\\u00e9\\n\\t\\\"\\\\\\/\"          | \"é\\n\\t\\\"\\\\/\"",
        "\"\\ud83d\\ude00\"                     | \"😀\"",
        "123456789012345678901234567890       | 123456789012345678901234567890",
        "`\t\r\n\"x\" `                         | \"x\"",
    })
    void acceptsAndRoundTrips(String in, String out) throws JsonParseException {
        assertEquals(out, JsonWriter.write(parse(in)));
    }

    /** Each malformed document is refused with a reason; none of them crash the parser. */
    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "}", "[1,]", "[1 2]", "{\"a\" 1}", "{\"a\":1,}", "{a:1}", "'x'",
        "\"unterminated", "\"bad \\x escape\"", "\"\\u12\"", "01", "1.", ".5", "-", "1e", "+1", "NaN", "tru",
        "nul", "[1]]", "{\"a\":1}{}", "\"tab\there\"", "{\"a\":1,\"a\":2}", "[1,,2]", "\u00a0[]", "// c\n1"})
    void refusesMalformedInput(String in) {
        JsonParseException e = assertThrows(JsonParseException.class, () -> parse(in));
        assertTrue(e.getMessage().contains("offset"), e.getMessage());
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] bad = {'"', (byte) 0xc3, (byte) 0x28, '"'};
        assertThrows(JsonParseException.class, () -> JsonParser.parse(bad));
    }

    @Test
    void boundsTheNesting() throws JsonParseException {
        String ok = "[".repeat(64) + "]".repeat(64);
        assertInstanceOf(Json.Arr.class, parse(ok));
        String deep = "[".repeat(65) + "]".repeat(65);
        JsonParseException e = assertThrows(JsonParseException.class, () -> parse(deep));
        assertTrue(e.getMessage().contains("nesting"), e.getMessage());
        // far deeper than any stack: refused, not a StackOverflowError
        assertThrows(JsonParseException.class, () -> parse("[".repeat(1_000_000)));
        assertThrows(JsonParseException.class, () -> parse("{\"a\":".repeat(100_000)));
    }

    @Test
    void keepsNumbersAsWrittenAndMemberOrder() throws JsonParseException {
        Json.Obj o = (Json.Obj) parse("{\"z\":1.50,\"a\":-7,\"m\":1e2}");
        assertEquals(List.of("z", "a", "m"), List.copyOf(o.members().keySet()));
        assertEquals(new Json.Num("1.50"), o.get("z"));
    }

    @Test
    void writerEscapesWhatMustBeEscaped() throws JsonParseException {
        String nasty = "a\u0000b\u001f\"\\\u2028\ud800x";
        String written = JsonWriter.write(Json.str(nasty));
        assertEquals("\"a\\u0000b\\u001f\\\"\\\\\u2028\\ud800x\"", written);
        assertEquals(nasty, ((Json.Str) parse(written)).value());
    }
}
