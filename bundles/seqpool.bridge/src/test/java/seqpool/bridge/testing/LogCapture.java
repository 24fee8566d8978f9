package seqpool.bridge.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures what one class logs through {@link System.Logger} (which goes to java.util.logging in tests). Close it to
 * detach. Thread-safe.
 */
public final class LogCapture extends Handler implements AutoCloseable {
    /** One captured line: its level and formatted message, and whether it carried a stack trace. */
    public record Line(Level level, String message, boolean hasThrowable) {
    }

    private final Logger logger;
    private final Level previous;
    private final List<Line> lines = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    public LogCapture(Class<?> source) {
        logger = Logger.getLogger(source.getName());
        previous = logger.getLevel();
        logger.setLevel(Level.ALL);
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord r) {
        lines.add(new Line(r.getLevel(), formatter.formatMessage(r), r.getThrown() != null));
    }

    public synchronized List<Line> at(Level level) {
        return lines.stream().filter(l -> l.level().equals(level)).toList();
    }

    public synchronized List<Line> all() {
        return List.copyOf(lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previous);
    }
}
