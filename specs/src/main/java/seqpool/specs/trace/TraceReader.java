package seqpool.specs.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import seqpool.codec.json.JsonReader;

/** Reads an ndjson trace (DESIGN.md §5) into {@link TraceEvent}s; blank lines are skipped. */
public final class TraceReader {
    private TraceReader() {
    }

    public static List<TraceEvent> read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    public static List<TraceEvent> parse(List<String> lines) {
        List<TraceEvent> events = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.isEmpty()) {
                continue;
            }
            int line = i + 1;
            Map<String, Object> obj;
            try {
                obj = JsonReader.parseObject(text);
            } catch (IllegalArgumentException ex) {
                throw new TraceFormatException(line, ex.getMessage());
            }
            Map<String, Object> fields = new LinkedHashMap<>(obj);
            Object seq = fields.remove("seq");
            Object node = fields.remove("node");
            Object event = fields.remove("event");
            if (!(seq instanceof Long s) || !(node instanceof String n) || !(event instanceof String e)) {
                throw new TraceFormatException(line, "needs \"seq\" (integer), \"node\" and \"event\" (strings)");
            }
            fields.replaceAll((k, v) -> {
                if (v == null || v instanceof Map || v instanceof Double) {
                    throw new TraceFormatException(line, "field '" + k + "' has a value TLA+ traces do not take: " + v);
                }
                return v;
            });
            events.add(new TraceEvent(line, s, n, e, fields));
        }
        return events;
    }
}
