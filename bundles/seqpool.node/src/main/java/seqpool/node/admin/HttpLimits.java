package seqpool.node.admin;

/**
 * Limits of the JDK HTTP server that keep the admin API answering whatever clients do: at most
 * {@code maxConnections} connections at once (one more waits in the kernel's backlog), a request must arrive whole
 * within {@value #REQUEST_SECONDS} s (slow or partial headers are cut off), headers at most {@value #HEADER_BYTES}
 * bytes, a response must be sent within {@value #RESPONSE_SECONDS} s, idle keep-alive connections close after
 * {@value #IDLE_SECONDS} s (they count towards the limit: a client that opens a connection per request, as the
 * JDK's HttpClient does when a new client is made per call, holds many). The executor may run one thread per allowed
 * connection (threads exist only while requests run), so a request never waits for a thread: two (or
 * {@code maxConnections - 1}) stuck clients cannot delay {@code /health}.
 *
 * <p>The JDK reads these as system properties once, when its HTTP server is first used in the JVM: they are set here
 * (unless the operator set them with -D) before the first server is created.
 */
final class HttpLimits {
    static final int REQUEST_SECONDS = 5;
    static final int RESPONSE_SECONDS = 60;
    static final int HEADER_BYTES = 16 * 1024;
    static final int IDLE_SECONDS = 10;
    /** Largest request body (evidence, updates); a larger one gets 413. */
    static final int BODY_BYTES = 64 * 1024;

    private HttpLimits() {
    }

    static synchronized void apply(int maxConnections) {
        setIfAbsent("jdk.httpserver.maxConnections", maxConnections);
        setIfAbsent("sun.net.httpserver.maxReqTime", REQUEST_SECONDS);
        setIfAbsent("sun.net.httpserver.maxRspTime", RESPONSE_SECONDS);
        setIfAbsent("sun.net.httpserver.maxReqHeaderSize", HEADER_BYTES);
        setIfAbsent("sun.net.httpserver.idleInterval", IDLE_SECONDS);
        setIfAbsent("sun.net.httpserver.timerMillis", 250);
    }

    /** The connection limit in force (the JDK took the first value set in this JVM). */
    static int maxConnections(int configured) {
        return Integer.getInteger("jdk.httpserver.maxConnections", configured);
    }

    private static void setIfAbsent(String key, int value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, Integer.toString(value));
        }
    }
}
