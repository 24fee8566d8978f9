package seqpool.node.runtime;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import seqpool.api.p2p.P2pNetwork;
import seqpool.api.staking.StakingView;
import seqpool.api.store.KeyValueStore;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.node.config.ConfigAdminPublisher;
import seqpool.node.config.NodeConfig;
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
    private LocalNodeSigner signer;
    private ServiceRegistration<NodeSigner> signerRegistration;
    private final List<ServiceTracker<?, ?>> coreServices = new java.util.ArrayList<>();

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
        try (Passphrase p = Passphrase.from(pf.isEmpty() ? null : Path.of(pf), env)) {
            signer = SignerKeystore.load(config.path("node.keyFile"), p);
        }
    }

    public String signerAddress() {
        return signer.address().toHex();
    }

    /** Starts the node's modules and blocks until the framework stops. Returns the exit code. */
    public int runUntilStopped() {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("seqpool.node.address", signer.address().toHex());
        signerRegistration = context.registerService(NodeSigner.class, signer, props);
        try {
            publishConfiguration();
            holdCoreServices();
        } catch (IOException | InterruptedException e) {
            LOG.log(Level.ERROR, "cannot publish the configuration: " + e.getMessage(), e);
            close();
            return 1;
        }
        Framework framework = (Framework) context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        long timeoutMs = config.integer("node.shutdownTimeoutMs");
        Thread hook = new Thread(() -> stopFramework(framework, timeoutMs), "seqpool-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        logStarted();
        try {
            frameworkStopping.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
        StructuredLogging.emitDirect(java.util.logging.Level.INFO, "seqpool.node", "node stopped",
                Map.of("node", config.string("node.name")));
        return 0;
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
        List<Class<?>> held = new java.util.ArrayList<>(List.of(KeyValueStore.class, P2pNetwork.class));
        if (config.inFile("staking")) {
            held.add(StakingView.class);
        }
        if (config.inFile("pos")) { // the pool: its delayed components must run whether or not a caller asked yet
            held.addAll(List.of(seqpool.api.bridge.Bridge.class, seqpool.api.consensus.ConsensusEngine.class,
                    seqpool.api.tss.ThresholdKeyService.class, seqpool.api.staking.PoolActionSender.class,
                    seqpool.api.sequencer.L2Chain.class));
        }
        for (Class<?> type : held) {
            // a tracker that gets each service as it appears: that activates a delayed component and holds it
            ServiceTracker<?, ?> t = new ServiceTracker<>(context, type.getName(), null);
            t.open();
            coreServices.add(t);
        }
    }

    private void logStarted() {
        // Components activate asynchronously after the configuration update: give them a moment, then report.
        long deadline = System.currentTimeMillis() + 5_000;
        while (!ModuleInventory.unhealthy(context).isEmpty() && System.currentTimeMillis() < deadline) {
            sleep(50);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("node", config.string("node.name"));
        fields.put("address", signer.address().toHex());
        fields.put("config", String.valueOf(config.source()));
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
        for (ServiceTracker<?, ?> t : coreServices) {
            try {
                t.close();
            } catch (IllegalStateException alreadyGone) {
                // framework stopping
            }
        }
        coreServices.clear();
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

    private static void sleep(long ms) {
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
