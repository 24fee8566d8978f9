package seqpool.store.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

import seqpool.api.common.Bytes;
import seqpool.api.store.Database;
import seqpool.api.store.DatabaseName;
import seqpool.api.store.KeyValueStore;

/**
 * The store bundle in a real Felix with SCR and ConfigAdmin: no service until configured; configured, it registers a
 * working KeyValueStore on LMDB; a bad path fails activation (no service); removing the configuration closes the
 * store and releases its directory. The API packages come from the system bundle so that the test can call the
 * service directly.
 */
class StoreComponentFelixIT {
    private static final String[] RUNTIME_BUNDLES = {
        "org.osgi.util.function", "org.osgi.util.promise", "org.osgi.service.component-",
        "org.apache.felix.scr", "org.apache.felix.configadmin", "seqpool.wrap.lmdb"};

    @TempDir
    Path tmp;

    @Test
    void configuredComponentRegistersAWorkingStore() throws Exception {
        Framework framework = start(tmp.resolve("felix"));
        try {
            BundleContext ctx = framework.getBundleContext();
            List<Bundle> bundles = new ArrayList<>();
            for (String name : RUNTIME_BUNDLES) {
                bundles.add(ctx.installBundle(jarOnClassPath(name).toUri().toString()));
            }
            Path storeJar = Path.of(System.getProperty("store.jar", "target/seqpool.store-1.0.0-SNAPSHOT.jar"));
            bundles.add(ctx.installBundle(storeJar.toUri().toString()));
            for (Bundle b : bundles) {
                b.start();
                assertEquals(Bundle.ACTIVE, b.getState(), b.getSymbolicName() + " is not active");
            }
            ServiceTracker<KeyValueStore, KeyValueStore> tracker = new ServiceTracker<>(ctx, KeyValueStore.class, null);
            tracker.open();
            Thread.sleep(300);
            assertNull(tracker.getService(), "no store may be registered before it is configured");

            Path data = tmp.resolve("data");
            Object configuration = configure(ctx, Map.of("path", data.toString(), "mapSizeMb", 8L));
            KeyValueStore store = tracker.waitForService(10_000);
            assertNotNull(store, "the configured store was not registered");
            Database db = store.database(DatabaseName.of("itest.values.v1"));
            store.commit(store.newBatch().put(db, Bytes.utf8("k"), Bytes.utf8("inside felix")));
            assertEquals(Optional.of(Bytes.utf8("inside felix")), store.get(db, Bytes.utf8("k")));
            assertEquals(8L << 20, store.stats().mapSizeBytes());
            assertTrue(Files.size(data.resolve("data.mdb")) > 0);
            assertTrue(isLocked(data), "an open store holds its directory lock");

            // a path that is a file: activation fails, no service
            Path file = Files.writeString(tmp.resolve("a-file"), "x");
            update(configuration, Map.of("path", file.toString()));
            Thread.sleep(1_000);
            assertNull(tracker.getService(), "a store with a bad path must not be registered");
            assertTrue(!isLocked(data), "the previous store was closed on reconfiguration");

            // back to the good path: the data is still there
            update(configuration, Map.of("path", data.toString(), "mapSizeMb", 8L));
            KeyValueStore again = tracker.waitForService(10_000);
            assertNotNull(again);
            assertEquals(Optional.of(Bytes.utf8("inside felix")),
                    again.get(again.database(DatabaseName.of("itest.values.v1")), Bytes.utf8("k")));

            configuration.getClass().getMethod("delete").invoke(configuration);
            long deadline = System.currentTimeMillis() + 10_000;
            while (tracker.getService() != null && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertNull(tracker.getService(), "deleting the configuration unregisters the store");
            assertTrue(!isLocked(data), "deactivation closed the store and released its directory");
            tracker.close();
        } finally {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    static Framework start(Path storage) throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // sun.misc and sun.nio.ch for the LMDB wrapper; the API packages so the test shares the service's types
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA,
                "sun.misc,sun.nio.ch,seqpool.api.common;version=1.0.0,seqpool.api.store;version=1.0.0");
        Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow()
                .newFramework(config);
        framework.start();
        return framework;
    }

    static Path jarOnClassPath(String namePrefix) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (p.getFileName().toString().startsWith(namePrefix) && entry.endsWith(".jar")) {
                return p;
            }
        }
        throw new IllegalStateException("no jar starting with " + namePrefix + " on the test class path");
    }

    /** ConfigurationAdmin.getConfiguration(pid, "?").update(props), through the framework's own classes. */
    private static Object configure(BundleContext ctx, Map<String, Object> props) throws Exception {
        Bundle cm = null;
        for (Bundle b : ctx.getBundles()) {
            if ("org.apache.felix.configadmin".equals(b.getSymbolicName())) {
                cm = b;
            }
        }
        assertNotNull(cm, "configadmin");
        Class<?> adminType = cm.loadClass("org.osgi.service.cm.ConfigurationAdmin");
        ServiceTracker<Object, Object> adminTracker = new ServiceTracker<>(ctx, adminType.getName(), null);
        adminTracker.open(true); // the test class path has its own copy of org.osgi.service.cm
        Object admin = adminTracker.waitForService(10_000);
        assertNotNull(admin, "ConfigurationAdmin service");
        Object configuration = adminType.getMethod("getConfiguration", String.class, String.class)
                .invoke(admin, "seqpool.store", "?");
        update(configuration, props);
        return configuration;
    }

    private static void update(Object configuration, Map<String, Object> props) throws Exception {
        Dictionary<String, Object> d = new Hashtable<>(props);
        Class<?> type = configuration.getClass().getClassLoader().loadClass("org.osgi.service.cm.Configuration");
        type.getMethod("update", Dictionary.class).invoke(configuration, d);
    }

    private static boolean isLocked(Path dir) throws Exception {
        try (FileChannel ch = FileChannel.open(dir.resolve("seqpool.lock"), StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return true;
        }
    }
}
