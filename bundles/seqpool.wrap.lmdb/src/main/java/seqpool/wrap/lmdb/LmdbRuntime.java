package seqpool.wrap.lmdb;

import org.lmdbjava.Meta;

/**
 * Loads LMDB's native library inside OSGi. lmdbjava extracts its library through the thread context class loader,
 * which in a framework is not the class loader of the bundle holding the library; {@link #load()} sets it to this
 * bundle's loader around the first native call. Call it before the first {@code Env.create()} on any thread; later
 * calls return at once. Thread-safe.
 *
 * <p>The JVM needs {@code --add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED},
 * and an OSGi framework must export {@code sun.misc} and {@code sun.nio.ch} as system packages.
 */
public final class LmdbRuntime {
    private static volatile String version;

    private LmdbRuntime() {
    }

    /**
     * Loads the native library (once) and returns LMDB's version, e.g. {@code "0.9.33"}.
     *
     * @throws IllegalStateException when the library cannot be loaded on this platform or JVM; the message says why
     */
    public static String load() {
        String v = version;
        if (v != null) {
            return v;
        }
        synchronized (LmdbRuntime.class) {
            if (version == null) {
                Thread thread = Thread.currentThread();
                ClassLoader previous = thread.getContextClassLoader();
                thread.setContextClassLoader(LmdbRuntime.class.getClassLoader());
                try {
                    Meta.Version m = Meta.version();
                    version = m.major + "." + m.minor + "." + m.patch;
                } catch (LinkageError | RuntimeException e) {
                    throw new IllegalStateException("cannot load the LMDB native library for "
                            + System.getProperty("os.name") + "/" + System.getProperty("os.arch")
                            + " (is the JVM started with --add-opens java.base/java.nio=ALL-UNNAMED"
                            + " --add-opens java.base/sun.nio.ch=ALL-UNNAMED?): " + e, e);
                } finally {
                    thread.setContextClassLoader(previous);
                }
            }
            return version;
        }
    }
}
