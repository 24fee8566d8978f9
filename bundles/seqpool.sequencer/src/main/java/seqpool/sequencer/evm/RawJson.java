package seqpool.sequencer.evm;

import seqpool.codec.json.JsonReader;
import seqpool.codec.json.JsonWriter;

/**
 * One complete JSON value as text (a request's params, a result), checked to parse when made. Immutable.
 */
public record RawJson(String text) implements JsonWriter.Raw {
    public static final RawJson NULL = new RawJson("null");
    public static final RawJson EMPTY_ARRAY = new RawJson("[]");

    public RawJson {
        if (text == null) {
            throw new IllegalArgumentException("no JSON text");
        }
        JsonReader.parse(text); // throws IllegalArgumentException naming the offset
    }

    /** The JSON text of a parsed value (maps, lists, strings, numbers, booleans, null). */
    public static RawJson of(Object value) {
        return new RawJson(JsonWriter.write(value));
    }

    public Object parse() {
        return JsonReader.parse(text);
    }

    @Override
    public String toString() {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…(" + text.length() + " chars)";
    }
}
