package seqpool.wrap.lmdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.BundleWiring;

import seqpool.wrap.lmdb.probe.LmdbProbe;

/**
 * Installs the packaged wrapper bundle into a real Felix framework, with a tiny probe bundle that imports
 * {@code org.lmdbjava}, and opens, writes and reads an LMDB environment from inside the framework. Runs after the
 * jar is packaged (surefire execution in the package phase; see pom.xml).
 */
class LmdbWrapperFelixIT {
    @TempDir
    Path tmp;

    @Test
    void lmdbWorksInsideFelix() throws Exception {
        Path wrapperJar = Path.of(System.getProperty("wrapper.jar", "target/seqpool.wrap.lmdb-1.0.0-SNAPSHOT.jar"));
        assertTrue(Files.isRegularFile(wrapperJar), "the wrapper bundle is not packaged yet: " + wrapperJar);
        Path probeJar = probeBundle(tmp.resolve("probe.jar"));
        Framework framework = FelixLauncher.start(tmp.resolve("felix"));
        try {
            Bundle wrapper = framework.getBundleContext().installBundle(wrapperJar.toUri().toString());
            Bundle probe = framework.getBundleContext().installBundle(probeJar.toUri().toString());
            wrapper.start();
            probe.start();
            assertEquals(Bundle.ACTIVE, wrapper.getState(), "wrapper bundle did not resolve");
            assertEquals(Bundle.ACTIVE, probe.getState(), "probe bundle did not resolve");

            Class<?> probeClass = probe.loadClass(LmdbProbe.class.getName());
            assertTrue(probeClass != LmdbProbe.class, "the probe must be loaded by the framework, not the class path");
            Class<?> env = probe.loadClass("org.lmdbjava.Env");
            assertSame(wrapper, FrameworkUtil.getBundle(env), "org.lmdbjava must come from the wrapper bundle");
            Class<?> ffi = wrapper.loadClass("jnr.ffi.Runtime");
            assertSame(wrapper.adapt(BundleWiring.class).getClassLoader(), ffi.getClassLoader(),
                    "jnr must be embedded in the wrapper");

            // The test class path holds the native libraries too; a node's does not. Hide them from the thread
            // context class loader so the wrapper must find its own.
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(new URLClassLoader(new URL[0], null));
            Path envDir = Files.createDirectories(tmp.resolve("env"));
            String result;
            try {
                result = (String) probeClass.getMethod("roundTrip", File.class, String.class)
                        .invoke(null, envDir.toFile(), "written inside felix");
            } finally {
                thread.setContextClassLoader(previous);
            }
            String[] parts = result.split("\\|", 3);
            assertTrue(parts[0].startsWith("0.9."), "LMDB version " + parts[0]);
            assertEquals("written inside felix", parts[2]);
            assertTrue(Files.size(envDir.resolve("data.mdb")) > 0, "LMDB wrote its data file");

            // a second round trip in the same framework reuses the loaded library
            Path second = Files.createDirectories(tmp.resolve("env2"));
            String again = (String) probeClass.getMethod("roundTrip", File.class, String.class)
                    .invoke(null, second.toFile(), "again");
            assertTrue(again.endsWith("|again"), again);
        } finally {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    /** A bundle holding only the probe class, importing org.lmdbjava and seqpool.wrap.lmdb. */
    private static Path probeBundle(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "seqpool.wrap.lmdb.probe");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Import-Package", "org.lmdbjava;version=\"[0.9,1)\",seqpool.wrap.lmdb;version=\"[1.0,2)\"");
        String entry = LmdbProbe.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             InputStream in = LmdbProbe.class.getClassLoader().getResourceAsStream(entry)) {
            assertNotNull(in, entry);
            out.putNextEntry(new JarEntry(entry));
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            out.write(buf.toByteArray());
            out.closeEntry();
        }
        return jar;
    }
}
