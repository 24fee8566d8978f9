package seqpool.codec.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * Compact JSON text (RFC 8259) of plain Java values, the counterpart of {@link JsonReader}: {@code null}, strings,
 * booleans, integral numbers ({@code Integer}, {@code Long}, {@code Short}, {@code Byte}, {@link BigInteger}), finite
 * {@code Double}/{@code Float} and {@link BigDecimal}, maps (keys by {@code String.valueOf}, in iteration order),
 * collections, and {@link Raw} text inserted as is. {@link #write} refuses anything else; {@link #writeLenient} (log
 * lines, traces) writes anything else, and non-finite doubles, as the JSON string of its {@code toString()}. Strings
 * are escaped so that any Java string round-trips: quote, backslash, \n, \r, \t, other controls and lone surrogates as
 * {@code \u005cu00XX}. Stateless and thread-safe.
 */
public final class JsonWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Already-serialised JSON, inserted as is (its maker checks that it is one JSON value). */
    public interface Raw {
        String text();
    }

    private JsonWriter() {
    }

    /** The JSON text of {@code value}; IllegalArgumentException for a value that has no JSON form. */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        value(sb, value, false);
        return sb.toString();
    }

    public static void write(StringBuilder sb, Object value) {
        value(sb, value, false);
    }

    /** As {@link #write}, but a value with no JSON form becomes the string of its {@code toString()}. */
    public static String writeLenient(Object value) {
        StringBuilder sb = new StringBuilder();
        value(sb, value, true);
        return sb.toString();
    }

    public static void writeLenient(StringBuilder sb, Object value) {
        value(sb, value, true);
    }

    private static void value(StringBuilder sb, Object v, boolean lenient) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof Raw raw) {
            sb.append(raw.text());
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Short
                || v instanceof Byte || v instanceof BigInteger || v instanceof BigDecimal) {
            sb.append(v);
        } else if ((v instanceof Double || v instanceof Float) && Double.isFinite(((Number) v).doubleValue())) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(sb, String.valueOf(e.getKey()));
                sb.append(':');
                value(sb, e.getValue(), lenient);
            }
            sb.append('}');
        } else if (v instanceof Collection<?> c) {
            sb.append('[');
            boolean first = true;
            for (Object o : c) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                value(sb, o, lenient);
            }
            sb.append(']');
        } else if (lenient) {
            string(sb, v.toString());
        } else {
            throw new IllegalArgumentException("no JSON form for " + v.getClass().getName() + ": " + v);
        }
    }

    /** Appends {@code s} as a quoted, escaped JSON string. */
    public static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && !pairedSurrogate(s, i)) {
                        sb.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
                                .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static boolean pairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
