package seqpool.codec.trace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import seqpool.api.trace.TraceSink;

/**
 * A {@link TraceSink} that writes one JSON object per line: {@code {"seq":N,"node":"n1","event":"E",...fields}}.
 * Sequence numbers follow the order in which this writer observes events (one merged trace per test run). Thread-safe.
 * Field order is the caller's map order (use a LinkedHashMap or Map.of for small maps).
 */
public final class NdjsonTraceWriter implements TraceSink, AutoCloseable {
    private final Writer out;
    private long seq;

    public NdjsonTraceWriter(Writer out) {
        this.out = out;
    }

    public static NdjsonTraceWriter toFile(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return new NdjsonTraceWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void record(String node, String event, Map<String, Object> fields) {
        StringBuilder sb = new StringBuilder(96);
        sb.append("{\"seq\":").append(++seq).append(",\"node\":");
        Json.string(sb, node);
        sb.append(",\"event\":");
        Json.string(sb, event);
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (e.getKey().equals("seq") || e.getKey().equals("node") || e.getKey().equals("event")) {
                throw new IllegalArgumentException("field name reserved by the trace format: " + e.getKey());
            }
            sb.append(',');
            Json.string(sb, e.getKey());
            sb.append(':');
            Json.value(sb, e.getValue());
        }
        sb.append("}\n");
        try {
            out.write(sb.toString());
            if (!(out instanceof BufferedWriter)) {
                out.flush();
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write trace", ex);
        }
    }

    public synchronized long count() {
        return seq;
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    /** Minimal canonical JSON for trace values. */
    static final class Json {
        private Json() {
        }

        static void value(StringBuilder sb, Object v) {
            if (v == null) {
                sb.append("null");
            } else if (v instanceof String s) {
                string(sb, s);
            } else if (v instanceof Number || v instanceof Boolean) {
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
                    value(sb, e.getValue());
                }
                sb.append('}');
            } else if (v instanceof List<?> l) {
                sb.append('[');
                for (int i = 0; i < l.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    value(sb, l.get(i));
                }
                sb.append(']');
            } else if (v instanceof java.util.Collection<?> c) {
                value(sb, List.copyOf(c));
            } else {
                string(sb, v.toString());
            }
        }

        static void string(StringBuilder sb, String s) {
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
                        if (c < 0x20) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            sb.append('"');
        }
    }
}
