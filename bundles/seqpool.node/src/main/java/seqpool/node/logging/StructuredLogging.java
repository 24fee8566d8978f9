package seqpool.node.logging;

import java.io.PrintStream;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Routes java.util.logging, and therefore {@link System.Logger} and web3j's slf4j, to one line per event on a stream
 * (stderr by default, so that stdout stays for command output). Replaces the root logger's handlers.
 */
public final class StructuredLogging {
    private static volatile Formatter current;
    private static volatile Handler currentHandler;
    private static volatile boolean stackTraces;

    private StructuredLogging() {
    }

    /** Installs the formatter ({@code json} or {@code text}) at the level word ({@code trace}..{@code error}). */
    public static synchronized void install(String levelWord, String format, PrintStream stream) {
        Level level = LogLevels.toJul(levelWord);
        stackTraces = level.intValue() <= Level.FINE.intValue();
        Formatter formatter = "text".equals(format) ? new TextLineFormatter() : new JsonLineFormatter();
        current = formatter;
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        Handler handler = stream == System.err ? new ConsoleHandler() : new FlushingStreamHandler(stream, formatter);
        handler.setFormatter(formatter);
        handler.setLevel(level);
        root.addHandler(handler);
        root.setLevel(level);
        currentHandler = handler;
        // Chatty libraries stay at INFO unless the operator asks for trace.
        if (level.intValue() < Level.INFO.intValue() && !"trace".equals(levelWord)) {
            Logger.getLogger("okhttp3").setLevel(Level.INFO);
        }
    }

    /**
     * Writes one event straight to stderr with the installed formatter, bypassing the handlers: used during JVM
     * shutdown, when java.util.logging's own shutdown hook may already have removed them.
     */
    public static void emitDirect(Level level, String logger, String message, java.util.Map<String, ?> fields) {
        java.util.logging.LogRecord r = new java.util.logging.LogRecord(level, message);
        r.setLoggerName(logger);
        r.setParameters(new Object[] {fields});
        Formatter f = current == null ? new JsonLineFormatter() : current;
        synchronized (System.err) {
            System.err.print(f.format(r));
            System.err.flush();
        }
    }

    /**
     * For shutdown hooks: java.util.logging's own shutdown hook resets the log manager (removing every handler), which
     * would silence the components that log while the framework stops. Waits briefly for that reset, then puts the
     * installed handler back.
     */
    public static void reinstallAfterJulShutdown(long waitMs) {
        Handler handler = currentHandler;
        if (handler == null) {
            return;
        }
        Logger root = LogManager.getLogManager().getLogger("");
        long deadline = System.currentTimeMillis() + waitMs;
        while (root.getHandlers().length > 0 && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (root.getHandlers().length == 0) {
            root.addHandler(handler);
            root.setLevel(handler.getLevel());
        }
    }

    /** Whether log lines carry stack traces: only at {@code debug} and {@code trace}; else one line with the causes. */
    public static boolean stackTraces() {
        return stackTraces;
    }

    /** Before the configuration is read: warnings and errors only, in JSON. */
    public static void installEarly() {
        install("warn", "json", System.err);
    }

    private static final class FlushingStreamHandler extends StreamHandler {
        FlushingStreamHandler(PrintStream out, Formatter f) {
            super(out, f);
        }

        @Override
        public synchronized void publish(java.util.logging.LogRecord record) {
            super.publish(record);
            flush();
        }
    }
}
