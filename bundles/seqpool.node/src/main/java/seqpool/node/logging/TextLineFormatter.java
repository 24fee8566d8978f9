package seqpool.node.logging;

import java.time.Instant;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/** One plain line per event: {@code ts LEVEL logger - msg k=v ...}; same redaction as the JSON form. Stateless. */
public final class TextLineFormatter extends Formatter {
    @Override
    public String format(LogRecord r) {
        StringBuilder b = new StringBuilder(120);
        b.append(Instant.ofEpochMilli(r.getMillis())).append(' ').append(LogLevels.name(r.getLevel())).append(' ')
                .append(r.getLoggerName()).append(" - ").append(JsonLineFormatter.message(this, r));
        for (Map.Entry<String, Object> e : JsonLineFormatter.fields(r).entrySet()) {
            if (!e.getKey().equals("thread")) {
                b.append(' ').append(e.getKey()).append('=').append(e.getValue());
            }
        }
        return b.append(System.lineSeparator()).toString();
    }
}
