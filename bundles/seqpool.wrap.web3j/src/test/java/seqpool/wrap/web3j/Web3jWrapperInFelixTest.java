package seqpool.wrap.web3j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import org.apache.felix.framework.FrameworkFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.launch.Framework;

/**
 * Starts a real Felix framework, installs BouncyCastle, the wrapper bundle (as built by bnd into target/classes) and a
 * probe bundle that imports web3j, and runs web3j from inside the framework: signing, ABI, RLP and an HTTP JSON-RPC
 * call through the embedded okhttp/kotlin/jackson. Any package missing from the wrapper fails the probe's class loading.
 */
class Web3jWrapperInFelixTest {
    private static final Path TARGET = Paths.get("target");
    private static Framework framework;
    private static Bundle wrapper;
    private static Bundle probe;

    @BeforeAll
    static void startFramework() throws Exception {
        Path wrapperJar = BundleJars.pack(TARGET.resolve("classes"), BundleJars.manifestOf(TARGET.resolve("classes")),
                List.of(""), TARGET.resolve("felix-test/seqpool.wrap.web3j.jar"));
        Manifest probeManifest = new Manifest();
        Attributes a = probeManifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        a.putValue(Constants.BUNDLE_SYMBOLICNAME, "seqpool.wrap.web3j.probe");
        a.putValue(Constants.BUNDLE_VERSION, "1.0.0");
        a.putValue(Constants.IMPORT_PACKAGE, String.join(",", "org.web3j.abi", "org.web3j.abi.datatypes",
                "org.web3j.abi.datatypes.generated", "org.web3j.crypto", "org.web3j.protocol", "org.web3j.protocol.http",
                "org.web3j.protocol.core", "org.web3j.protocol.core.methods.response", "org.web3j.rlp", "org.web3j.utils"));
        Path probeJar = BundleJars.pack(TARGET.resolve("test-classes"), probeManifest, List.of("seqpool/wrap/web3j/probe/"),
                TARGET.resolve("felix-test/probe.jar"));

        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, TARGET.resolve("felix-test/cache").toAbsolutePath().toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        framework = new FrameworkFactory().newFramework(config);
        framework.start();
        var ctx = framework.getBundleContext();
        Path bc = Paths.get(BouncyCastleProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ctx.installBundle(bc.toUri().toString()).start();
        wrapper = ctx.installBundle(wrapperJar.toUri().toString());
        wrapper.start();
        probe = ctx.installBundle(probeJar.toUri().toString());
        probe.start();
    }

    @AfterAll
    static void stopFramework() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    @Test
    void wrapperResolvesAndExportsWeb3j() throws Exception {
        assertEquals(Bundle.ACTIVE, wrapper.getState());
        assertEquals(Bundle.ACTIVE, probe.getState());
        Class<?> credentials = probe.loadClass("org.web3j.crypto.Credentials");
        assertEquals(wrapper, FrameworkUtil.getBundle(credentials), "web3j must come from the wrapper bundle");
        // Private libraries stay private: the probe cannot see okhttp or kotlin.
        assertClassHidden(probe, "okhttp3.OkHttpClient");
        assertClassHidden(probe, "kotlin.Unit");
    }

    @Test
    void web3jWorksInsideTheFramework() throws Exception {
        @SuppressWarnings("unchecked")
        Class<? extends Function<String, Map<String, String>>> probeClass =
                (Class<? extends Function<String, Map<String, String>>>) probe.loadClass("seqpool.wrap.web3j.probe.Web3jProbe");
        assertEquals(probe, FrameworkUtil.getBundle(probeClass), "the probe must run inside the framework");
        try (MockJsonRpcServer rpc = new MockJsonRpcServer()) {
            Map<String, String> r = probeClass.getDeclaredConstructor().newInstance().apply(rpc.url());
            assertEquals("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", r.get("address"));
            assertEquals(r.get("address"), r.get("txFrom").toLowerCase());
            assertEquals("31337", r.get("txChainId"));
            assertEquals("7", r.get("txNonce"));
            assertEquals("0xa9059cbb00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8"
                    + "000000000000000000000000000000000000000000000000000000000000000a", r.get("callData"));
            assertEquals("seqpool", r.get("rlpFirst"));
            assertEquals("1234567", r.get("rlpSecond"));
            assertEquals("true", r.get("rlpReencodedEqual"));
            assertEquals("31337", r.get("chainId"));
            assertEquals("16", r.get("blockNumber"));
            assertEquals(2, rpc.requests.get());
        }
    }

    @Test
    void slf4jInsideTheWrapperLogsToJavaUtilLogging() throws Exception {
        Class<?> loggerFactory = wrapper.loadClass("org.slf4j.LoggerFactory");
        Object factory = loggerFactory.getMethod("getILoggerFactory").invoke(null);
        assertNotNull(factory);
        assertEquals("org.slf4j.jul.JDK14LoggerFactory", factory.getClass().getName());
        assertEquals(wrapper, FrameworkUtil.getBundle(factory.getClass()));
    }

    @Test
    void metadataOnlyKotlinJarsAreNotEmbedded() throws Exception {
        try (var jar = new java.util.jar.JarFile(TARGET.resolve("felix-test/seqpool.wrap.web3j.jar").toFile())) {
            assertTrue(jar.stream().noneMatch(e -> e.getName().endsWith(".kotlin_metadata")),
                    "kotlin-stdlib-common leaked into the bundle");
            assertNotNull(jar.getEntry("kotlin/Unit.class"));
            assertNotNull(jar.getEntry("okio/Buffer.class"));
        }
        assertTrue(Files.size(TARGET.resolve("felix-test/probe.jar")) > 0);
    }

    private static void assertClassHidden(Bundle b, String name) {
        try {
            b.loadClass(name);
            throw new AssertionError(name + " is visible outside the wrapper");
        } catch (ClassNotFoundException expected) {
            // private to the wrapper
        }
    }
}
