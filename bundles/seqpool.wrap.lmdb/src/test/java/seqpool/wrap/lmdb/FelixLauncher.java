package seqpool.wrap.lmdb;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/** Starts a real Felix framework for tests, with the system packages the LMDB wrapper needs. */
final class FelixLauncher {
    /** The framework properties the node runtime needs for the wrapper too. */
    static final Map<String, String> LMDB_FRAMEWORK_PROPERTIES = Map.of(
            Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "sun.misc,sun.nio.ch");

    private FelixLauncher() {
    }

    static Framework start(Path storage) throws BundleException {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi FrameworkFactory on the class path"));
        Map<String, String> config = new HashMap<>(LMDB_FRAMEWORK_PROPERTIES);
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        Framework framework = factory.newFramework(config);
        framework.start();
        return framework;
    }
}
