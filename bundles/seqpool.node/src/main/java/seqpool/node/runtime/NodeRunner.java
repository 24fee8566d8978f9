package seqpool.node.runtime;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.launch.Framework;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

import seqpool.api.identity.NodeSigner;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.node.config.ConfigAdminPublisher;
import seqpool.node.admin.AdminEndpoint;
import seqpool.node.config.NodeConfig;
import seqpool.node.health.NodeComponent;
import seqpool.node.keys.KeyException;
import seqpool.node.keys.Passphrase;
import seqpool.node.keys.SignerKeystore;
import seqpool.node.logging.StructuredLogging;

/**
 * Runs one node inside the current framework: structured logging, the signer key (a {@link NodeSigner} service),
 * configuration published to ConfigAdmin (which starts the modules' components), then waits until the framework stops
 * (SIGTERM / Ctrl-C run a shutdown hook that stops it gracefully). Not thread-safe: used by the CLI's main thread.
 */
public final class NodeRunner implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("seqpool.node");

    private final BundleContext context;
    private final NodeConfig config;
    private final Map<String, String> env;
    private final CountDownLatch frameworkStopping;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean signalled;
    private LocalNodeSigner signer;
    private ServiceRegistration<NodeSigner> signerRegistration;
    private final List<HeldService> coreServices = new java.util.ArrayList<>();
    private final Map<String, HeldService> requiredTrackers = new LinkedHashMap<>();
    /** How long a required service may stay missing after its bundle reported an activation error. */
    private static final long FAILURE_GRACE_MS = 1_000;

    public NodeRunner(BundleContext context, NodeConfig config, Map<String, String> env,
            CountDownLatch frameworkStopping) {
        this.context = context;
        this.config = config;
        this.env = env;
        this.frameworkStopping = frameworkStopping;
    }

    /** Sets up logging and decrypts the signer key; nothing is started yet. */
    public void prepare() throws KeyException {
        StructuredLogging.install(config.string("logging.level"), config.string("logging.format"), System.err);
        String pf = config.string("node.passphraseFile");
        try (Passphrase p = Passphrase.from(pf.isEmpty() ? null : Path.of(pf), env, "node.passphraseFile in the config")) {
            signer = SignerKeystore.load(config.path("node.keyFile"), p);
        }
    }

    public String signerAddress() {
        return signer.address().toHex();
    }

    /**
     * Starts the node's modules and blocks until the framework stops. Returns the exit code: 0 after a stop, 1 when a
     * required component did not start (one ERROR line names it and its cause; the process then exits).
     */
    public int runUntilStopped() {
        Framework framework = (Framework) context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        long timeoutMs = config.integer("node.shutdownTimeoutMs");
        // From the first step: a signal during start-up also stops the modules and ends with "node stopped".
        Thread hook = new Thread(() -> {
            signalled = true;
            stopFramework(framework, timeoutMs);
            awaitFinished();
        }, "seqpool-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("seqpool.node.address", signer.address().toHex());
        signerRegistration = context.registerService(NodeSigner.class, signer, props);
        StartupFailures.clear();
        StartupFailures.starting(true);
        Optional<String> failure;
        try {
            publishConfiguration();
            holdCoreServices();
            failure = awaitRequired();
        } catch (IOException | InterruptedException e) {
            failure = Optional.of("cannot publish the configuration: " + e.getMessage());
        } finally {
            StartupFailures.starting(false);
        }
        if (failure.isPresent() && !stopping()) {
            removeHook(hook); // the CLI stops the framework itself; no "node stopping (signal)" line
            LOG.log(Level.ERROR, "node not started: " + failure.get(), Map.of("node", config.string("node.name")));
            close();
            finished.countDown();
            return 1;
        }
        if (!stopping()) {
            logStarted();
        }
        try {
            frameworkStopping.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
        StructuredLogging.emitDirect(java.util.logging.Level.INFO, "seqpool.node", "node stopped",
                Map.of("node", config.string("node.name")));
        finished.countDown();
        removeHook(hook);
        return 0;
    }

    private boolean stopping() {
        return signalled || frameworkStopping.getCount() == 0;
    }

    /** The hook waits for the main thread's last line: the JVM halts once its hooks end. */
    private void awaitFinished() {
        try {
            finished.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs already
        }
    }

    /**
     * Waits until every required component's service is active (and the admin API bound, when enabled). Returns what
     * stops the node: the first required component whose bundle reported an activation error (after a short grace, in
     * case it is a sibling component that failed), or, at {@code node.startTimeoutMs}, the ones still missing.
     */
    private Optional<String> awaitRequired() throws InterruptedException {
        long deadline = System.currentTimeMillis() + config.integer("node.startTimeoutMs");
        Map<String, Long> failedSince = new LinkedHashMap<>();
        while (!stopping()) {
            List<String> missing = new java.util.ArrayList<>();
            for (Map.Entry<String, HeldService> e : requiredTrackers.entrySet()) {
                if (e.getValue().available()) {
                    continue;
                }
                missing.add(e.getKey());
                String bundle = e.getKey().equals("admin") ? "seqpool.node"
                        : NodeComponent.byWord(e.getKey()).orElseThrow().bundle();
                Optional<String> cause = StartupFailures.of(bundle);
                if (cause.isPresent()) {
                    long since = failedSince.computeIfAbsent(e.getKey(), k -> System.currentTimeMillis());
                    if (System.currentTimeMillis() - since > FAILURE_GRACE_MS) {
                        warnOtherFailures(bundle);
                        String c = cause.get();
                        boolean named = c.startsWith(e.getKey() + ":") || c.startsWith(e.getKey() + " ");
                        return Optional.of(named ? c : e.getKey() + ": " + c);
                    }
                }
            }
            if (missing.isEmpty()) {
                warnOtherFailures(null);
                return Optional.empty();
            }
            if (System.currentTimeMillis() > deadline) {
                warnOtherFailures(null);
                return Optional.of("not running after " + config.integer("node.startTimeoutMs") + " ms: "
                        + String.join(", ", missing) + " (is each module's bundle installed? see seqpool modules)");
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return Optional.empty(); // stopped by a signal during start-up: not a failure
    }

    /** Activation errors seen during start-up that are not the one the node stops for. */
    private void warnOtherFailures(String except) {
        StartupFailures.all().forEach((bundle, cause) -> {
            if (!bundle.equals(except)) {
                LOG.log(Level.WARNING, "component error during start-up in " + bundle + ": " + cause);
            }
        });
    }

    private void publishConfiguration() throws IOException, InterruptedException {
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> cm = new ServiceTracker<>(context,
                ConfigurationAdmin.class, null);
        cm.open();
        try {
            ConfigurationAdmin admin = cm.waitForService(10_000);
            if (admin == null) {
                throw new IOException("no ConfigurationAdmin service in the runtime");
            }
            List<String> pids = ConfigAdminPublisher.publish(admin, config);
            LOG.log(Level.DEBUG, "configuration published: {0}", pids);
        } finally {
            cm.close();
        }
    }

    /**
     * The modules' components are delayed (DS activates one when its service is first used): the node uses its store
     * and transport (and the staking view when configured) from the start, and holds them until it stops, so they
     * open their files and sockets now and are not deactivated between uses.
     */
    private void holdCoreServices() {
        List<NodeComponent> required = NodeComponent.required(config.inFile("staking"), config.inFile("pos"));
        for (NodeComponent c : required) {
            // a tracker that gets each service as it appears: that activates a delayed component and holds it
            requiredTrackers.put(c.word(), track(c.service().getName()));
        }
        if (config.bool("admin.enabled")) {
            requiredTrackers.put("admin", track(AdminEndpoint.class.getName()));
        }
    }

    private HeldService track(String type) {
        HeldService t = new HeldService(context, type);
        coreServices.add(t);
        return t;
    }

    private void logStarted() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("node", config.string("node.name"));
        fields.put("address", signer.address().toHex());
        fields.put("config", String.valueOf(config.source()));
        fields.put("components", List.copyOf(requiredTrackers.keySet()));
        fields.put("modules", ModuleInventory.list(context).stream()
                .filter(m -> m.name().startsWith("seqpool.")).map(m -> m.name() + "@" + m.version() + ":" + m.state())
                .toList());
        fields.put("unhealthy", ModuleInventory.unhealthy(context).stream().map(ModuleInfo::name).toList());
        LOG.log(Level.INFO, "node started", fields);
    }

    private void stopFramework(Framework framework, long timeoutMs) {
        StructuredLogging.emitDirect(java.util.logging.Level.INFO, "seqpool.node", "node stopping (signal)",
                Map.of("node", config.string("node.name")));
        StructuredLogging.reinstallAfterJulShutdown(300);
        try {
            framework.stop();
            framework.waitForStop(timeoutMs);
        } catch (BundleException | InterruptedException e) {
            StructuredLogging.emitDirect(java.util.logging.Level.WARNING, "seqpool.node", "graceful stop failed",
                    Map.of("error", e.toString()));
        }
    }

    @Override
    public void close() {
        for (HeldService t : coreServices) {
            try {
                t.close();
            } catch (IllegalStateException alreadyGone) {
                // framework stopping
            }
        }
        coreServices.clear();
        requiredTrackers.clear();
        if (signerRegistration != null) {
            try {
                signerRegistration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // framework stopping
            }
            signerRegistration = null;
        }
        if (signer != null) {
            signer.destroy();
        }
    }
}
