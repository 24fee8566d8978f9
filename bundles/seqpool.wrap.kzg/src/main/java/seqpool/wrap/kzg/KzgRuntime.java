package seqpool.wrap.kzg;

import ethereum.ckzg4844.CKZG4844JNI;
import ethereum.ckzg4844.CKZGException;

/**
 * Loads C-KZG-4844's native library and Ethereum's KZG trusted setup (the mainnet ceremony output: 4096 G1 points in
 * Lagrange form, 65 G2 points, 4096 G1 points in monomial form), once per JVM. Call {@link #load()} before the first
 * {@code CKZG4844JNI} computation; later calls return at once. Thread-safe.
 *
 * <p>The library keeps one trusted setup per process (a C global): whoever loads it first wins. If another user of
 * the same {@code CKZG4844JNI} class loaded it already (web3j's {@code BlobUtils} does so in its static initialiser,
 * from its own copy of the same file), that setup is used. Inside OSGi every bundle must take
 * {@code ethereum.ckzg4844} from this bundle: a second copy of the class in another class loader could not load the
 * native library again ({@code UnsatisfiedLinkError}: a JNI library binds to one class loader).
 *
 * <p>The native library is found by {@code CKZG4844JNI} through its own class (this bundle's class loader), so no
 * thread context class loader switch is needed, unlike lmdbjava.
 */
public final class KzgRuntime {
    /** Where this bundle keeps the trusted setup, in C-KZG-4844's text format. */
    public static final String TRUSTED_SETUP_RESOURCE = "/seqpool/wrap/kzg/trusted_setup.txt";
    /** Precomputation level for the setup (0 = none): only multi-point cell proofs would profit. */
    private static final long PRECOMPUTE = 0;
    private static volatile boolean loaded;

    private KzgRuntime() {
    }

    /**
     * Loads the native library and the trusted setup (once).
     *
     * @throws IllegalStateException when the library or the setup cannot be loaded on this platform; the message says
     *         why
     */
    public static void load() {
        if (loaded) {
            return;
        }
        synchronized (KzgRuntime.class) {
            if (loaded) {
                return;
            }
            try {
                CKZG4844JNI.loadNativeLibrary();
            } catch (LinkageError | RuntimeException e) {
                throw new IllegalStateException("cannot load the C-KZG-4844 native library for "
                        + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + ": " + e, e);
            }
            try {
                CKZG4844JNI.loadTrustedSetupFromResource(TRUSTED_SETUP_RESOURCE, KzgRuntime.class, PRECOMPUTE);
            } catch (CKZGException e) {
                if (!alreadyLoaded(e)) {
                    throw new IllegalStateException("cannot load the KZG trusted setup: " + e.getMessage(), e);
                }
            } catch (RuntimeException e) {
                throw new IllegalStateException("cannot load the KZG trusted setup " + TRUSTED_SETUP_RESOURCE + ": "
                        + e, e);
            }
            loaded = true;
        }
    }

    private static boolean alreadyLoaded(CKZGException e) {
        String m = e.getMessage();
        return m != null && m.toLowerCase(java.util.Locale.ROOT).contains("already loaded");
    }
}
