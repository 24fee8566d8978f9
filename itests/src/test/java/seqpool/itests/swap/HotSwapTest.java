package seqpool.itests.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.util.tracker.ServiceTracker;

import seqpool.itests.swap.api.Greeter;
import seqpool.node.swap.ModuleHealthCheck;
import seqpool.node.swap.ModuleSwapper;
import seqpool.node.swap.SwapReport;

/**
 * Hot swap inside a real Felix framework: while a caller loops through the Greeter contract, version 1.1.0 of the
 * implementation bundle replaces 1.0.0 blue-green (install beside, start, health check, uninstall old) through the
 * node's {@link ModuleSwapper}. Asserts that no call found no service, and prints calls, missed calls and switch time.
 */
@ExtendWith(BundleContextExtension.class)
class HotSwapTest {
    @InjectBundleContext
    BundleContext context;

    @AfterEach
    void uninstallDemoBundles() throws Exception {
        for (Bundle b : context.getBundles()) {
            if (SwapBundles.NAME.equals(b.getSymbolicName())) {
                b.uninstall();
            }
        }
    }

    @Test
    void blueGreenSwapMissesNoCall() throws Exception {
        Path dir = Files.createTempDirectory("swap");
        Path v2 = SwapBundles.write(dir, "1.1.0", SwapBundles.Kind.GOOD);
        install(SwapBundles.write(dir, "1.0.0", SwapBundles.Kind.GOOD));
        ServiceTracker<Greeter, Greeter> tracker = new ServiceTracker<>(context, Greeter.class, null);
        tracker.open();
        try {
            assertTrue(tracker.waitForService(10_000) != null, "v1 registers its Greeter");
            SwapReport report;
            long callsBefore;
            try (CallerLoop caller = new CallerLoop(tracker)) {
                Thread.sleep(300);
                callsBefore = caller.calls.get();
                report = new ModuleSwapper(context).swap(SwapBundles.NAME, v2);
                Thread.sleep(300);
                caller.close();
                assertNull(caller.failure.get(), "the caller never failed");
                System.out.printf("HOT SWAP %s: calls=%d (before swap %d), missed=%d, switch=%.2f ms, last=\"%s\"%n",
                        report.outcome(), caller.calls.get(), callsBefore, caller.missed.get(),
                        report.switchTime().toNanos() / 1e6, caller.last.get());
                assertEquals(SwapReport.Outcome.SWAPPED, report.outcome(), report.toString());
                assertEquals(0, caller.missed.get(), "calls that found no service");
                assertTrue(caller.calls.get() > callsBefore, "calls continued through the swap");
                assertEquals("hello caller from 1.1.0", caller.last.get());
            }
            assertEquals(List.of("1.1.0"), versions(), "only the new version is installed");
            assertEquals(List.of("seqpool.itests.swap.api.Greeter"), report.services());
        } finally {
            tracker.close();
        }
    }

    @Test
    void soakSwapsBackAndForth() throws Exception {
        int seconds = Integer.getInteger("seqpool.swap.soakSeconds", 0);
        Assumptions.assumeTrue(seconds > 0, "soak off by default (seqpool.swap.soakSeconds)");
        Path dir = Files.createTempDirectory("soak");
        Path[] versions = {SwapBundles.write(dir, "1.0.0", SwapBundles.Kind.GOOD),
            SwapBundles.write(dir, "1.1.0", SwapBundles.Kind.GOOD)};
        install(versions[0]);
        ServiceTracker<Greeter, Greeter> tracker = new ServiceTracker<>(context, Greeter.class, null);
        tracker.open();
        tracker.waitForService(10_000);
        int swaps = 0;
        try (CallerLoop caller = new CallerLoop(tracker)) {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            ModuleSwapper swapper = new ModuleSwapper(context);
            while (System.nanoTime() < end) {
                assertTrue(swapper.swap(SwapBundles.NAME, versions[++swaps % 2]).swapped());
            }
            caller.close();
            System.out.printf("HOT SWAP SOAK: %d swaps in %d s, calls=%d, missed=%d%n", swaps, seconds,
                    caller.calls.get(), caller.missed.get());
            assertEquals(0, caller.missed.get());
        } finally {
            tracker.close();
        }
    }

    @Test
    void newVersionThatCannotResolveIsRolledBack() throws Exception {
        Path dir = Files.createTempDirectory("swap");
        install(SwapBundles.write(dir, "1.0.0", SwapBundles.Kind.GOOD));
        SwapReport r = new ModuleSwapper(context).swap(SwapBundles.NAME,
                SwapBundles.write(dir, "1.1.0", SwapBundles.Kind.UNRESOLVABLE));
        assertEquals(SwapReport.Outcome.ROLLED_BACK, r.outcome());
        assertTrue(r.reason().startsWith("start failed"), r.reason());
        assertOldStillServes();
    }

    @Test
    void newVersionThatRegistersNothingIsRolledBack() throws Exception {
        Path dir = Files.createTempDirectory("swap");
        install(SwapBundles.write(dir, "1.0.0", SwapBundles.Kind.GOOD));
        awaitGreeter();
        SwapReport r = new ModuleSwapper(context, Duration.ofMillis(500), ModuleHealthCheck.NONE)
                .swap(SwapBundles.NAME, SwapBundles.write(dir, "1.2.0", SwapBundles.Kind.NO_SERVICE));
        assertEquals(SwapReport.Outcome.ROLLED_BACK, r.outcome());
        assertTrue(r.reason().contains("did not register [seqpool.itests.swap.api.Greeter]"), r.reason());
        assertOldStillServes();
    }

    @Test
    void failingHealthCheckIsRolledBack() throws Exception {
        Path dir = Files.createTempDirectory("swap");
        install(SwapBundles.write(dir, "1.0.0", SwapBundles.Kind.GOOD));
        awaitGreeter();
        SwapReport r = new ModuleSwapper(context, Duration.ofSeconds(5), b -> "migration failed")
                .swap(SwapBundles.NAME, SwapBundles.write(dir, "1.3.0", SwapBundles.Kind.GOOD));
        assertEquals(SwapReport.Outcome.ROLLED_BACK, r.outcome());
        assertEquals("migration failed", r.reason());
        assertOldStillServes();
    }

    @Test
    void wrongBundleOrSameVersionIsRejected() throws Exception {
        Path dir = Files.createTempDirectory("swap");
        Path v1 = SwapBundles.write(dir, "1.0.0", SwapBundles.Kind.GOOD);
        install(v1);
        ModuleSwapper swapper = new ModuleSwapper(context);
        assertEquals(SwapReport.Outcome.REJECTED, swapper.swap("seqpool.nothing.here", v1).outcome());
        SwapReport same = swapper.swap(SwapBundles.NAME, v1);
        assertEquals(SwapReport.Outcome.REJECTED, same.outcome());
        assertTrue(same.reason().contains("already running"), same.reason());
        assertEquals(SwapReport.Outcome.REJECTED, swapper.swap(SwapBundles.NAME, dir.resolve("missing.jar")).outcome());
        assertOldStillServes();
    }

    private void install(Path jar) throws Exception {
        try (InputStream in = Files.newInputStream(jar)) {
            context.installBundle("test:" + jar.getFileName(), in).start();
        }
    }

    private Greeter awaitGreeter() throws InterruptedException {
        ServiceTracker<Greeter, Greeter> t = new ServiceTracker<>(context, Greeter.class, null);
        t.open();
        try {
            Greeter g = t.waitForService(10_000);
            assertTrue(g != null, "a Greeter is registered");
            return g;
        } finally {
            t.close();
        }
    }

    private void assertOldStillServes() throws InterruptedException {
        assertEquals(List.of("1.0.0"), versions(), "the old version is the only one installed");
        assertEquals("hello x from 1.0.0", awaitGreeter().greet("x"));
    }

    private List<String> versions() {
        return Arrays.stream(context.getBundles()).filter(b -> SwapBundles.NAME.equals(b.getSymbolicName()))
                .map(b -> b.getVersion().toString()).toList();
    }
}
