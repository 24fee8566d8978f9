package seqpool.sequencer.rpc.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON value (RFC 8259). Objects keep their member order; numbers keep their text, so that a request id is echoed
 * exactly as sent. {@link Raw} is already-serialised JSON made by {@link JsonWriter} (used to share one rendering
 * among many notifications); the parser never produces it.
 */
public sealed interface Json {
    Null NULL = new Null();
    Bool TRUE = new Bool(true);
    Bool FALSE = new Bool(false);

    record Obj(Map<String, Json> members) implements Json {
        public Obj {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        public Json get(String key) {
            return members.get(key);
        }

        public boolean has(String key) {
            return members.containsKey(key);
        }
    }

    record Arr(List<Json> items) implements Json {
        public Arr {
            items = List.copyOf(items);
        }

        public int size() {
            return items.size();
        }

        public Json get(int i) {
            return items.get(i);
        }
    }

    record Str(String value) implements Json {
        public Str {
            if (value == null) {
                throw new IllegalArgumentException("null string");
            }
        }
    }

    /** A number as written: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
    record Num(String text) implements Json {
        public Num {
            if (text == null || !JsonParser.isNumber(text)) {
                throw new IllegalArgumentException("not a JSON number: " + text);
            }
        }

        public static Num of(long v) {
            return new Num(Long.toString(v));
        }

        public static Num of(double v) {
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("not a JSON number: " + v);
            }
            return new Num(v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v));
        }
    }

    record Bool(boolean value) implements Json {
    }

    record Null() implements Json {
    }

    /** Serialised JSON, trusted to be one well-formed value (made by {@link JsonWriter}). */
    record Raw(String json) implements Json {
    }

    static Str str(String s) {
        return new Str(s);
    }

    static Bool bool(boolean b) {
        return b ? TRUE : FALSE;
    }

    static Arr arr(List<? extends Json> items) {
        return new Arr(List.copyOf(items));
    }

    /** An object builder that keeps insertion order. */
    static ObjBuilder obj() {
        return new ObjBuilder();
    }

    final class ObjBuilder {
        private final LinkedHashMap<String, Json> members = new LinkedHashMap<>();

        private ObjBuilder() {
        }

        public ObjBuilder put(String key, Json value) {
            members.put(key, value == null ? NULL : value);
            return this;
        }

        public ObjBuilder put(String key, String value) {
            return put(key, value == null ? NULL : new Str(value));
        }

        public Obj build() {
            return new Obj(members);
        }
    }
}
