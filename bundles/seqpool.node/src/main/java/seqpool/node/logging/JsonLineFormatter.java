package seqpool.node.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

import seqpool.codec.json.JsonWriter;

/**
 * Formats a java.util.logging record (System.Logger goes through it too) as one JSON object on one line:
 * {@code {"ts":..,"level":..,"logger":..,"msg":..,"fields":{..}}}. A trailing {@link Map} parameter becomes
 * {@code fields}; field names that look secret (passphrase, password, secret, private, token, key material) are
 * redacted. Thread-safe (stateless).
 */
public final class JsonLineFormatter extends Formatter {
    @Override
    public String format(LogRecord r) {
        StringBuilder b = new StringBuilder(160);
        b.append("{\"ts\":");
        JsonWriter.string(b, Instant.ofEpochMilli(r.getMillis()).toString());
        b.append(",\"level\":");
        JsonWriter.string(b, LogLevels.name(r.getLevel()));
        b.append(",\"logger\":");
        JsonWriter.string(b, r.getLoggerName() == null ? "" : r.getLoggerName());
        b.append(",\"msg\":");
        JsonWriter.string(b, message(this, r));
        Map<String, Object> fields = fields(r);
        if (!fields.isEmpty()) {
            b.append(",\"fields\":");
            JsonWriter.writeLenient(b, fields);
        }
        return b.append('}').append(System.lineSeparator()).toString();
    }

    static String message(Formatter f, LogRecord r) {
        String msg = r.getMessage();
        if (msg == null) {
            return "";
        }
        Object[] params = r.getParameters();
        if (params == null || params.length == 0 || msg.indexOf('{') < 0) {
            return msg;
        }
        return f.formatMessage(r);
    }

    static Map<String, Object> fields(LogRecord r) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Object[] params = r.getParameters();
        if (params != null && params.length > 0 && params[params.length - 1] instanceof Map<?, ?> m) {
            m.forEach((k, v) -> fields.put(String.valueOf(k), Redaction.redact(String.valueOf(k), v)));
        }
        fields.put("thread", Thread.currentThread().getName());
        if (r.getThrown() != null) {
            fields.put("error", Causes.summary(r.getThrown()));
            if (StructuredLogging.stackTraces()) { // only when the operator asked for debug or trace
                StringWriter sw = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(sw));
                fields.put("stack", sw.toString());
            }
        }
        return fields;
    }
}
