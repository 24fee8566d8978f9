package seqpool.sequencer.rpc.json;

import java.util.Map;

/**
 * Compact JSON text of the RPC's typed {@link Json} tree, numbers kept as their received text (a request id is echoed
 * exactly); strings are escaped by the shared {@link seqpool.codec.json.JsonWriter#string}.
 */
public final class JsonWriter {
    private JsonWriter() {
    }

    public static String write(Json value) {
        StringBuilder sb = new StringBuilder(256);
        write(value, sb);
        return sb.toString();
    }

    public static void write(Json value, StringBuilder out) {
        if (value instanceof Json.Obj o) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Json> e : o.members().entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof Json.Arr a) {
            out.append('[');
            for (int i = 0; i < a.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(a.get(i), out);
            }
            out.append(']');
        } else if (value instanceof Json.Str s) {
            string(s.value(), out);
        } else if (value instanceof Json.Num n) {
            out.append(n.text());
        } else if (value instanceof Json.Bool b) {
            out.append(b.value());
        } else if (value instanceof Json.Raw r) {
            out.append(r.json());
        } else {
            out.append("null");
        }
    }

    static void string(String s, StringBuilder out) {
        seqpool.codec.json.JsonWriter.string(out, s);
    }
}
