package seqpool.node.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

class JsonLineFormatterTest {
    @Test
    void oneJsonObjectPerLineWithFieldsAndRedaction() {
        StructuredLogging.install("info", "json", System.err);
        LogRecord r = new LogRecord(Level.WARNING, "peer {0} sent a bad frame");
        r.setLoggerName("seqpool.p2p");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("peer", "0xabc");
        fields.put("passphrase", "hunter22hunter22");
        fields.put("adminToken", "deadbeef");
        r.setParameters(new Object[] {"0xabc", fields});
        r.setThrown(new IllegalStateException("line1\nline2"));
        String line = new JsonLineFormatter().format(r);
        assertEquals(1, line.strip().lines().count(), line);
        assertTrue(line.startsWith("{\"ts\":\""), line);
        assertTrue(line.contains("\"level\":\"WARN\""), line);
        assertTrue(line.contains("\"logger\":\"seqpool.p2p\""), line);
        assertTrue(line.contains("\"msg\":\"peer 0xabc sent a bad frame\""), line);
        assertTrue(line.contains("\"peer\":\"0xabc\""), line);
        assertTrue(line.contains("\"passphrase\":\"<redacted>\""), line);
        assertTrue(line.contains("\"adminToken\":\"<redacted>\""), line);
        assertFalse(line.contains("hunter22") || line.contains("deadbeef"), line);
        assertTrue(line.contains("\"error\":\"line1 line2\""), line);
        assertFalse(line.contains("\"stack\""), "no stack trace unless debug: " + line);
        try {
            StructuredLogging.install("debug", "json", System.err);
            String debug = new JsonLineFormatter().format(r);
            assertEquals(1, debug.strip().lines().count(), debug);
            assertTrue(debug.contains("\"stack\":\"java.lang.IllegalStateException: line1\\nline2\\n\\tat "), debug);
        } finally {
            StructuredLogging.install("info", "json", System.err);
        }
    }

    @Test
    void levelFromConfigurationFiltersSystemLogger() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try {
            StructuredLogging.install("warn", "json", out);
            System.Logger log = System.getLogger("seqpool.test");
            log.log(System.Logger.Level.INFO, "hidden");
            log.log(System.Logger.Level.ERROR, "shown {0}", 42);
            String text = bytes.toString(StandardCharsets.UTF_8);
            assertFalse(text.contains("hidden"), text);
            assertTrue(text.contains("\"msg\":\"shown 42\""), text);
            assertTrue(text.contains("\"level\":\"ERROR\""), text);
            StructuredLogging.install("debug", "text", out);
            bytes.reset();
            log.log(System.Logger.Level.DEBUG, "now visible");
            assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("DEBUG seqpool.test - now visible"));
        } finally {
            StructuredLogging.install("info", "json", System.err);
        }
    }
}
