package seqpool.node.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.launch.Framework;

/**
 * A registration whose service object cannot be had at first (as SCR answers while a component's activation lock is
 * busy past its timeout) is held once it can: the node then sees its required component instead of giving up on it.
 */
class HeldServiceTest {
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

    @Test
    void aServiceRefusedAtFirstIsHeldOnceItCanBeHad() {
        BundleContext context = framework.getBundleContext();
        AtomicInteger asked = new AtomicInteger();
        AtomicInteger released = new AtomicInteger();
        ServiceRegistration<?> reg = context.registerService(Runnable.class.getName(), new ServiceFactory<Runnable>() {
            @Override
            public Runnable getService(Bundle bundle, ServiceRegistration<Runnable> registration) {
                return asked.incrementAndGet() <= 2 ? null : () -> { };
            }

            @Override
            public void ungetService(Bundle bundle, ServiceRegistration<Runnable> registration, Runnable service) {
                released.incrementAndGet();
            }
        }, null);
        try (HeldService held = new HeldService(context, Runnable.class.getName())) {
            assertFalse(held.available(), "the first two answers are null");
            assertTrue(held.available(), "asked again, and held");
            assertTrue(held.available());
            assertEquals(3, asked.get(), "held, not asked again");
            reg.unregister();
            assertFalse(held.available(), "gone with its registration");
            assertEquals(1, released.get(), "released once");
        }
    }

    @Test
    void nothingRegisteredIsNotAvailable() {
        try (HeldService held = new HeldService(framework.getBundleContext(), Runnable.class.getName())) {
            assertFalse(held.available());
        }
    }
}
