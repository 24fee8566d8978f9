package seqpool.node.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

import seqpool.api.trace.TraceSink;
import seqpool.codec.trace.NdjsonTraceWriter;

/**
 * Provides the {@link TraceSink} that writes every module's protocol events to {@code trace.file} (PID
 * {@code seqpool.trace}), appending, one JSON object per line, in the order this process observed them.
 */
@Component(configurationPid = "seqpool.trace", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = TraceSink.class)
public final class TraceFileComponent implements TraceSink {
    /** The {@code trace} section. */
    public @interface Config {
        String file() default "";
    }

    private final NdjsonTraceWriter writer;

    @Activate
    public TraceFileComponent(Config config) throws IOException {
        if (config.file().isEmpty()) {
            writer = null;
            return;
        }
        Path file = Path.of(config.file());
        Files.createDirectories(file.toAbsolutePath().getParent());
        // appended (a restarted node continues the file) and written through line by line (readable while it runs)
        writer = new NdjsonTraceWriter(new java.io.OutputStreamWriter(Files.newOutputStream(file,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void record(String node, String event, Map<String, Object> fields) {
        if (writer != null) {
            writer.record(node, event, fields);
        }
    }

    @Deactivate
    void deactivate() throws IOException {
        if (writer != null) {
            writer.close();
        }
    }
}
