package seqpool.itests.swap.api;

import org.osgi.annotation.versioning.ProviderType;

/** Demo service contract for the hot-swap tests. Implementations are thread-safe and never return null. */
@ProviderType
public interface Greeter {
    /** A greeting naming the implementation's bundle version, e.g. {@code "hello alice from 1.1.0"}. */
    String greet(String name);
}
