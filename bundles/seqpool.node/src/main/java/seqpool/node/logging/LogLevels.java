package seqpool.node.logging;

import java.util.Locale;
import java.util.logging.Level;

/** Maps between the config's level words (trace..error) and java.util.logging levels. */
public final class LogLevels {
    private LogLevels() {
    }

    public static Level toJul(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "trace" -> Level.FINEST;
            case "debug" -> Level.FINE;
            case "info" -> Level.INFO;
            case "warn" -> Level.WARNING;
            case "error" -> Level.SEVERE;
            default -> throw new IllegalArgumentException("unknown log level " + word);
        };
    }

    public static String name(Level level) {
        int v = level.intValue();
        if (v >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (v >= Level.WARNING.intValue()) {
            return "WARN";
        }
        if (v >= Level.INFO.intValue()) {
            return "INFO";
        }
        if (v >= Level.FINE.intValue()) {
            return "DEBUG";
        }
        return "TRACE";
    }
}
