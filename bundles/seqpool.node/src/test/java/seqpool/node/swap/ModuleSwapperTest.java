package seqpool.node.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;

/** Bad input gives a typed report, never an exception; a swap that cannot remove the old version is not SWAPPED. */
class ModuleSwapperTest {
    static final String NAME = "seqpool.test.swapped";
    @TempDir
    Path dir;
    private Framework framework;

    @BeforeEach
    void start() throws Exception {
        framework = new FrameworkFactory().newFramework(Map.of(Constants.FRAMEWORK_STORAGE,
                Files.createDirectories(dir.resolve("felix")).toString(), Constants.FRAMEWORK_STORAGE_CLEAN,
                Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
    }

    @AfterEach
    void stop() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    Path jar(String file, String version) throws Exception {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        a.putValue(Constants.BUNDLE_SYMBOLICNAME, NAME);
        a.putValue(Constants.BUNDLE_VERSION, version);
        Path p = dir.resolve(file);
        try (OutputStream out = Files.newOutputStream(p); JarOutputStream j = new JarOutputStream(out, mf)) {
            j.flush();
        }
        return p;
    }

    Bundle installOld() throws Exception {
        BundleContext c = framework.getBundleContext();
        Bundle old;
        try (var in = Files.newInputStream(jar("old.jar", "1.0.0"))) {
            old = c.installBundle("test:old", in);
        }
        old.start();
        return old;
    }

    List<Bundle> withName(BundleContext c) {
        return Arrays.stream(c.getBundles()).filter(b -> NAME.equals(b.getSymbolicName())).toList();
    }

    @Test
    void aMalformedVersionIsRejectedNotThrown() throws Exception {
        installOld();
        ModuleSwapper s = new ModuleSwapper(framework.getBundleContext(), Duration.ofSeconds(2), ModuleHealthCheck.NONE);
        SwapReport r = s.swap(NAME, jar("bad.jar", "1.x.0-not-osgi"));
        assertEquals(SwapReport.Outcome.REJECTED, r.outcome(), r.toString());
        assertTrue(r.reason().contains("1.x.0-not-osgi"), r.reason());
        assertEquals(1, withName(framework.getBundleContext()).size(), "nothing installed");
    }

    @Test
    void anOldVersionThatCannotBeUninstalledIsNotASwapAndTheNewOneGoes() throws Exception {
        Bundle old = installOld();
        BundleContext real = framework.getBundleContext();
        Bundle stubborn = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, m, args) -> {
                    if (m.getName().equals("uninstall")) {
                        throw new BundleException("refused (test)");
                    }
                    try {
                        return m.invoke(old, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        BundleContext context = (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, m, args) -> {
                    if (m.getName().equals("getBundles")) {
                        return Arrays.stream(real.getBundles()).map(b -> b.equals(old) ? stubborn : b).toArray(Bundle[]::new);
                    }
                    try {
                        return m.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        SwapReport r = new ModuleSwapper(context, Duration.ofSeconds(2), ModuleHealthCheck.NONE).swap(NAME,
                jar("new.jar", "1.1.0"));
        assertNotEquals(SwapReport.Outcome.SWAPPED, r.outcome(), r.toString());
        assertTrue(r.reason().contains("refused (test)"), r.reason());
        List<Bundle> left = withName(real);
        assertEquals(1, left.size(), "one version runs: " + left);
        assertEquals("1.0.0", left.get(0).getVersion().toString());
        assertEquals(Bundle.ACTIVE, left.get(0).getState());
    }
}
