package seqpool.node.logging;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

import seqpool.node.runtime.StartupFailures;

/**
 * The OSGi Log Service 1.4 {@link LoggerFactory}, backed by java.util.logging, so that what Declarative Services
 * (Felix SCR) reports — a component that failed to activate, a bad reference — is one line in the node's log format
 * (with the cause chain; the stack only at debug) instead of a raw stack trace on stderr. An error with an exception
 * about a bundle's component is also kept in {@link StartupFailures}, so that the node can name the cause when a
 * required component does not start.
 */
@Component(service = LoggerFactory.class, immediate = true)
public final class OsgiLogBridge implements LoggerFactory {

    @Override
    public Logger getLogger(String name) {
        return new JulLogger(name, null);
    }

    @Override
    public Logger getLogger(Class<?> clazz) {
        return new JulLogger(clazz.getName(), null);
    }

    @Override
    public <L extends Logger> L getLogger(String name, Class<L> loggerType) {
        return loggerType.cast(new JulLogger(name, null));
    }

    @Override
    public <L extends Logger> L getLogger(Class<?> clazz, Class<L> loggerType) {
        return loggerType.cast(new JulLogger(clazz.getName(), null));
    }

    @Override
    public <L extends Logger> L getLogger(Bundle bundle, String name, Class<L> loggerType) {
        return loggerType.cast(new JulLogger(name, bundle == null ? null : bundle.getSymbolicName()));
    }

    /** One OSGi logger: {@code {}} placeholders filled in order; a trailing Throwable argument is the exception. */
    static final class JulLogger extends LoggerMethods {
        private final String name;
        private final String bundle;
        private final java.util.logging.Logger jul;

        JulLogger(String name, String bundle) {
            this.name = name == null || name.isEmpty() ? ROOT_LOGGER_NAME : name;
            this.bundle = bundle;
            this.jul = java.util.logging.Logger.getLogger(bundle != null ? bundle : this.name);
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        boolean enabled(Level level) {
            return jul.isLoggable(level);
        }

        @Override
        void log(Level level, String format, Object... args) {
            if (!jul.isLoggable(level)) {
                return;
            }
            Throwable thrown = args.length > 0 && args[args.length - 1] instanceof Throwable t ? t : null;
            String msg = fill(format, args);
            if (thrown != null && level.intValue() >= Level.SEVERE.intValue() && bundle != null) {
                StartupFailures.record(bundle, Causes.summary(thrown));
            }
            if (StartupFailures.starting() && level.intValue() >= Level.WARNING.intValue()) {
                // while the node starts it names the failure that stops it in one line (and warns of the others)
                level = Level.FINE;
                if (!jul.isLoggable(level)) {
                    return;
                }
            }
            LogRecord r = new LogRecord(level, msg); // no parameters: the formatter prints it as it is
            r.setLoggerName(jul.getName());
            r.setThrown(thrown);
            jul.log(r);
        }

        static String fill(String format, Object... args) {
            if (format == null) {
                return "";
            }
            StringBuilder b = new StringBuilder(format.length() + 32);
            int arg = 0;
            int i = 0;
            while (i < format.length()) {
                int at = format.indexOf("{}", i);
                if (at < 0 || arg >= args.length || args[arg] instanceof Throwable) {
                    b.append(format, i, format.length());
                    break;
                }
                b.append(format, i, at).append(args[arg++]);
                i = at + 2;
            }
            return b.toString();
        }
    }
}
