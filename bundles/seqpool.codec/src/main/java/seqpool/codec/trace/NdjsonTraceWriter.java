package seqpool.codec.trace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import seqpool.api.trace.TraceSink;
import seqpool.codec.json.JsonWriter;

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
        JsonWriter.string(sb, node);
        sb.append(",\"event\":");
        JsonWriter.string(sb, event);
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (e.getKey().equals("seq") || e.getKey().equals("node") || e.getKey().equals("event")) {
                throw new IllegalArgumentException("field name reserved by the trace format: " + e.getKey());
            }
            sb.append(',');
            JsonWriter.string(sb, e.getKey());
            sb.append(':');
            JsonWriter.writeLenient(sb, e.getValue());
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
}
