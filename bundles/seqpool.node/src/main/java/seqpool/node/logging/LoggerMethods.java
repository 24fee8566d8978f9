package seqpool.node.logging;

import java.util.logging.Level;

import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerConsumer;

/** The many methods of the OSGi {@link Logger}, each reduced to {@link #log} at a java.util.logging level. */
abstract class LoggerMethods implements Logger {
    private static final Object[] NONE = new Object[0];

    abstract boolean enabled(Level level);

    abstract void log(Level level, String format, Object... args);

    private <E extends Exception> void consume(Level level, LoggerConsumer<E> consumer) throws E {
        if (enabled(level)) {
            consumer.accept(this);
        }
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.FINEST);
    }

    @Override
    public void trace(String message) {
        log(Level.FINEST, message, NONE);
    }

    @Override
    public void trace(String format, Object arg) {
        log(Level.FINEST, format, arg);
    }

    @Override
    public void trace(String format, Object arg1, Object arg2) {
        log(Level.FINEST, format, arg1, arg2);
    }

    @Override
    public void trace(String format, Object... arguments) {
        log(Level.FINEST, format, arguments);
    }

    @Override
    public <E extends Exception> void trace(LoggerConsumer<E> consumer) throws E {
        consume(Level.FINEST, consumer);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.FINE);
    }

    @Override
    public void debug(String message) {
        log(Level.FINE, message, NONE);
    }

    @Override
    public void debug(String format, Object arg) {
        log(Level.FINE, format, arg);
    }

    @Override
    public void debug(String format, Object arg1, Object arg2) {
        log(Level.FINE, format, arg1, arg2);
    }

    @Override
    public void debug(String format, Object... arguments) {
        log(Level.FINE, format, arguments);
    }

    @Override
    public <E extends Exception> void debug(LoggerConsumer<E> consumer) throws E {
        consume(Level.FINE, consumer);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public void info(String message) {
        log(Level.INFO, message, NONE);
    }

    @Override
    public void info(String format, Object arg) {
        log(Level.INFO, format, arg);
    }

    @Override
    public void info(String format, Object arg1, Object arg2) {
        log(Level.INFO, format, arg1, arg2);
    }

    @Override
    public void info(String format, Object... arguments) {
        log(Level.INFO, format, arguments);
    }

    @Override
    public <E extends Exception> void info(LoggerConsumer<E> consumer) throws E {
        consume(Level.INFO, consumer);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARNING);
    }

    @Override
    public void warn(String message) {
        log(Level.WARNING, message, NONE);
    }

    @Override
    public void warn(String format, Object arg) {
        log(Level.WARNING, format, arg);
    }

    @Override
    public void warn(String format, Object arg1, Object arg2) {
        log(Level.WARNING, format, arg1, arg2);
    }

    @Override
    public void warn(String format, Object... arguments) {
        log(Level.WARNING, format, arguments);
    }

    @Override
    public <E extends Exception> void warn(LoggerConsumer<E> consumer) throws E {
        consume(Level.WARNING, consumer);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.SEVERE);
    }

    @Override
    public void error(String message) {
        log(Level.SEVERE, message, NONE);
    }

    @Override
    public void error(String format, Object arg) {
        log(Level.SEVERE, format, arg);
    }

    @Override
    public void error(String format, Object arg1, Object arg2) {
        log(Level.SEVERE, format, arg1, arg2);
    }

    @Override
    public void error(String format, Object... arguments) {
        log(Level.SEVERE, format, arguments);
    }

    @Override
    public <E extends Exception> void error(LoggerConsumer<E> consumer) throws E {
        consume(Level.SEVERE, consumer);
    }

    @Override
    public void audit(String message) {
        log(Level.INFO, message, NONE);
    }

    @Override
    public void audit(String format, Object arg) {
        log(Level.INFO, format, arg);
    }

    @Override
    public void audit(String format, Object arg1, Object arg2) {
        log(Level.INFO, format, arg1, arg2);
    }

    @Override
    public void audit(String format, Object... arguments) {
        log(Level.INFO, format, arguments);
    }
}
