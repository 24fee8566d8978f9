package seqpool.node.swap;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

import seqpool.node.swap.SwapReport.Outcome;

/**
 * Blue-green replacement of a running module bundle (DESIGN.md §7): install the new version beside the old one, start
 * it, wait until it is ACTIVE and has registered every service interface the old version registered (and passes the
 * optional {@link ModuleHealthCheck}), then uninstall the old version. Consumers with dynamic references (or service
 * trackers) see the new service before the old one leaves, so no call finds no service. If the new version fails to
 * resolve, start or register within the timeout, it is stopped and uninstalled and the old one keeps running; so it is
 * if the old version cannot be uninstalled (ROLLED_BACK, never SWAPPED with two versions running). Bad input (an
 * unreadable file, another bundle, a malformed version) is REJECTED.
 *
 * <p>Swaps are serialised (one at a time per swapper). Must not be called on a framework event thread.
 */
public final class ModuleSwapper {
    private static final System.Logger LOG = System.getLogger(ModuleSwapper.class.getName());
    private static final String LOCATION_PREFIX = "seqpool-module:";

    private final BundleContext context;
    private final Duration healthTimeout;
    private final ModuleHealthCheck healthCheck;

    public ModuleSwapper(BundleContext context, Duration healthTimeout, ModuleHealthCheck healthCheck) {
        this.context = context;
        this.healthTimeout = healthTimeout;
        this.healthCheck = healthCheck;
    }

    public ModuleSwapper(BundleContext context) {
        this(context, Duration.ofSeconds(10), ModuleHealthCheck.NONE);
    }

    /** Replaces the running bundle {@code symbolicName} by the bundle jar {@code file}. Never throws for bad input. */
    public synchronized SwapReport swap(String symbolicName, Path file) {
        long t0 = System.nanoTime();
        Optional<Bundle> running = running(symbolicName);
        String oldVersion = running.map(b -> b.getVersion().toString()).orElse("");
        if (running.isEmpty()) {
            return rejected(symbolicName, "", "", "no module " + symbolicName + " is installed", t0);
        }
        Bundle old = running.get();
        Manifest mf;
        try {
            mf = manifest(file);
        } catch (IOException e) {
            return rejected(symbolicName, oldVersion, "", "cannot read " + file + ": " + e.getMessage(), t0);
        }
        String bsn = mf == null ? null : mf.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
        String newName = bsn == null ? "" : bsn.split(";")[0].trim();
        String declared = mf == null ? null
                : Optional.ofNullable(mf.getMainAttributes().getValue(Constants.BUNDLE_VERSION)).orElse("0");
        String newVersion;
        try {
            newVersion = declared == null ? "" : Version.parseVersion(declared).toString();
        } catch (IllegalArgumentException e) {
            return rejected(symbolicName, oldVersion, "", file + " has a malformed Bundle-Version '" + declared + "': "
                    + e.getMessage(), t0);
        }
        if (!symbolicName.equals(newName)) {
            return rejected(symbolicName, oldVersion, newVersion, file + " is bundle '" + newName + "', not "
                    + symbolicName, t0);
        }
        if (newVersion.equals(oldVersion)) {
            return rejected(symbolicName, oldVersion, newVersion, "version " + newVersion + " is already running", t0);
        }
        List<String> services = List.copyOf(serviceInterfaces(old));
        Bundle candidate;
        try (InputStream in = Files.newInputStream(file)) {
            candidate = context.installBundle(LOCATION_PREFIX + symbolicName + "@" + newVersion + "#" + System.nanoTime(),
                    in);
        } catch (IOException | BundleException e) {
            return rejected(symbolicName, oldVersion, newVersion, "install failed: " + e.getMessage(), t0);
        }
        String problem = startAndCheck(candidate, services);
        if (problem != null) {
            remove(candidate);
            LOG.log(Level.WARNING, "hot swap of {0} to {1} rolled back: {2}", symbolicName, newVersion, problem);
            return new SwapReport(symbolicName, oldVersion, newVersion, Outcome.ROLLED_BACK, problem, services,
                    Duration.ofNanos(System.nanoTime() - t0));
        }
        boolean importedByOthers = hasImporters(old);
        try {
            old.uninstall();
        } catch (BundleException | RuntimeException e) {
            // Two versions must not keep running: take the new one out again, and make sure the old one runs.
            String stuck = "the old version could not be uninstalled: " + e.getMessage();
            String rollback = rollBack(candidate, old);
            LOG.log(Level.WARNING, "hot swap of {0} to {1} rolled back: {2}{3}", symbolicName, newVersion, stuck,
                    rollback.isEmpty() ? "" : "; " + rollback);
            return new SwapReport(symbolicName, oldVersion, newVersion,
                    rollback.isEmpty() ? Outcome.ROLLED_BACK : Outcome.FAILED,
                    rollback.isEmpty() ? stuck : stuck + "; " + rollback, services,
                    Duration.ofNanos(System.nanoTime() - t0));
        }
        Duration switchTime = Duration.ofNanos(System.nanoTime() - t0);
        if (!importedByOthers) {
            // Nobody is wired to the old revision: drop it now. (Refreshing an exporter would restart its importers.)
            context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class).refreshBundles(List.of(old));
        }
        LOG.log(Level.INFO, "hot swap of {0}: {1} -> {2} in {3} ms", symbolicName, oldVersion, newVersion,
                switchTime.toMillis());
        return new SwapReport(symbolicName, oldVersion, newVersion, Outcome.SWAPPED, "", services, switchTime);
    }

    /** The active (or else newest) bundle with this symbolic name. */
    public Optional<Bundle> running(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName()))
                .max(Comparator.comparing((Bundle b) -> b.getState() == Bundle.ACTIVE).thenComparing(Bundle::getVersion));
    }

    private String startAndCheck(Bundle candidate, List<String> services) {
        try {
            candidate.start();
        } catch (BundleException | RuntimeException e) {
            return "start failed: " + e.getMessage();
        }
        long deadline = System.nanoTime() + healthTimeout.toNanos();
        Set<String> missing = new TreeSet<>(services);
        while (true) {
            if (candidate.getState() != Bundle.ACTIVE) {
                return "bundle is " + BundleStates.name(candidate.getState()) + ", not ACTIVE";
            }
            missing.removeAll(serviceInterfaces(candidate));
            if (missing.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                return "did not register " + missing + " within " + healthTimeout.toMillis() + " ms";
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
        try {
            return healthCheck.check(candidate);
        } catch (Exception e) {
            return "health check failed: " + e;
        }
    }

    /** Removes the candidate and restarts the old version if it stopped; what went wrong, or empty. */
    private String rollBack(Bundle candidate, Bundle old) {
        String problem = "";
        try {
            candidate.uninstall();
        } catch (BundleException | RuntimeException e) {
            problem = "the new version could not be removed either (" + e.getMessage() + "): both may be installed";
        }
        try {
            if (old.getState() != Bundle.ACTIVE && old.getState() != Bundle.UNINSTALLED) {
                old.start();
            }
        } catch (BundleException | RuntimeException e) {
            problem = (problem.isEmpty() ? "" : problem + "; ") + "the old version could not be restarted: "
                    + e.getMessage();
        }
        if (problem.isEmpty()) {
            try {
                context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class)
                        .refreshBundles(List.of(candidate));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not refresh the removed candidate {0}: {1}", candidate, e.getMessage());
            }
        }
        return problem;
    }

    private void remove(Bundle candidate) {
        try {
            candidate.uninstall();
            context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class)
                    .refreshBundles(List.of(candidate));
        } catch (BundleException | IllegalStateException e) {
            LOG.log(Level.WARNING, "could not remove failed candidate {0}: {1}", candidate, e.getMessage());
        }
    }

    static Set<String> serviceInterfaces(Bundle b) {
        Set<String> names = new TreeSet<>();
        ServiceReference<?>[] refs = b.getRegisteredServices();
        if (refs != null) {
            for (ServiceReference<?> r : refs) {
                names.addAll(Arrays.asList((String[]) r.getProperty(Constants.OBJECTCLASS)));
            }
        }
        return names;
    }

    private static boolean hasImporters(Bundle b) {
        BundleWiring wiring = b.adapt(BundleWiring.class);
        if (wiring == null) {
            return false;
        }
        for (BundleWire w : wiring.getProvidedWires(null)) {
            if (!w.getRequirer().getBundle().equals(b)) {
                return true;
            }
        }
        return false;
    }

    private static Manifest manifest(Path file) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(file))) {
            return in.getManifest();
        }
    }

    private static SwapReport rejected(String name, String oldV, String newV, String reason, long t0) {
        LOG.log(Level.WARNING, "hot swap of {0} rejected: {1}", name, reason);
        return new SwapReport(name, oldV, newV, Outcome.REJECTED, reason, List.of(),
                Duration.ofNanos(System.nanoTime() - t0));
    }

    /** For reports: the module's metadata as a map. */
    public static Map<String, Object> describe(SwapReport r) {
        return Map.of("module", r.module(), "oldVersion", r.oldVersion(), "newVersion", r.newVersion(), "outcome",
                r.outcome().name(), "reason", r.reason(), "services", r.services(), "switchMs",
                r.switchTime().toNanos() / 1e6);
    }
}
