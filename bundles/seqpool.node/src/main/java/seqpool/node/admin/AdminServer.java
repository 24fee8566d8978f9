package seqpool.node.admin;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;


import com.sun.net.httpserver.HttpHandler;

import seqpool.api.bridge.Bridge;
import seqpool.api.consensus.ConsensusEngine;
import seqpool.api.metrics.MetricSource;
import seqpool.api.p2p.P2pNetwork;
import seqpool.api.pos.PosService;
import seqpool.api.sequencer.L2Chain;
import seqpool.api.staking.PoolActionSender;
import seqpool.api.staking.StakingView;
import seqpool.api.store.KeyValueStore;
import seqpool.api.tss.ThresholdKeyService;
import seqpool.node.health.HealthMonitor;
import seqpool.node.health.NodeComponent;
import seqpool.node.health.ServiceView;
import seqpool.node.metrics.NodeMetrics;
import seqpool.node.metrics.PoolMetrics;
import seqpool.node.runtime.ModuleInventory;
import seqpool.node.swap.ModuleSwapper;

/**
 * The node's admin API on loopback (JDK HTTP server): probes ({@code /health}, {@code /ready}, {@code /live}),
 * {@code /metrics} (Prometheus), the dashboard ({@code /dashboard/}), {@code /peers}, {@code /modules}, {@code /status},
 * {@code POST /modules/update} and {@code POST /evidence} (docs/operations.md). It binds its port first and only then
 * writes the bearer token (owner-only, {@code admin.tokenFile}) and {@code admin.url}: a component that cannot bind —
 * the port is taken, e.g. by the running version while a candidate version of this bundle starts beside it — fails
 * with one message naming the port and leaves the running one's token alone. Limits: {@link HttpLimits}.
 */
@Component(configurationPid = "seqpool.admin", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = AdminEndpoint.class, immediate = true)
public final class AdminServer implements AdminEndpoint {
    private static final System.Logger LOG = System.getLogger(AdminServer.class.getName());

    /** The {@code admin} section of the configuration, plus {@code required} derived by the node. */
    public @interface Config {
        boolean enabled() default true;

        String host() default "127.0.0.1";

        int port() default 30401;

        String tokenFile();

        /** Components the node requires ({@link NodeComponent#word()}): down means {@code /health} 503. */
        String[] required() default {"store", "p2p"};

        int stallSeconds() default 30;

        int maxConnections() default 256;
    }

    private final AdminHttp http;
    private final URI url;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile P2pNetwork p2p;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile KeyValueStore store;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile StakingView staking;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ConsensusEngine consensus;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PosService pos;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Bridge bridge;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile L2Chain l2;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ThresholdKeyService tss;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PoolActionSender poolActions;
    /** Metrics that only the modules know (consensus steps, p2p bytes, ...); absent modules register none. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<MetricSource> moduleMetrics = new CopyOnWriteArrayList<>();

    @Activate
    public AdminServer(BundleContext context, Config config) throws IOException {
        if (!config.enabled()) {
            http = null;
            url = null;
            LOG.log(Level.INFO, "admin API disabled by configuration");
            return;
        }
        ServiceView services = new ServiceView(Map.of(P2pNetwork.class, (Supplier<?>) () -> p2p,
                KeyValueStore.class, (Supplier<?>) () -> store, StakingView.class, (Supplier<?>) () -> staking,
                ConsensusEngine.class, (Supplier<?>) () -> consensus, PosService.class, (Supplier<?>) () -> pos,
                Bridge.class, (Supplier<?>) () -> bridge, L2Chain.class, (Supplier<?>) () -> l2,
                ThresholdKeyService.class, (Supplier<?>) () -> tss, PoolActionSender.class,
                (Supplier<?>) () -> poolActions));
        HealthMonitor health = new HealthMonitor(services, required(config.required()),
                config.stallSeconds() * 1000L, System::currentTimeMillis);
        PoolMetrics own = new PoolMetrics(services, health, () -> ModuleInventory.list(context));
        NodeMetrics metrics = new NodeMetrics(() -> {
            List<MetricSource> all = new java.util.ArrayList<>(moduleMetrics);
            all.add(0, own);
            return all;
        });
        String token = TokenFiles.newToken();
        AdminHandlers handlers = new AdminHandlers(context, new ModuleSwapper(context), token,
                new PeerReport(() -> p2p), new PoolReport(() -> consensus, () -> pos, () -> bridge, () -> l2, () -> tss),
                () -> consensus);
        ProbeHandlers probes = new ProbeHandlers(health, metrics, new PeerReport(() -> p2p),
                () -> ModuleInventory.unhealthy(context), () -> context.getBundles().length);
        Map<String, HttpHandler> routes = new LinkedHashMap<>(probes.routes());
        routes.put("/", DashboardFiles::serve);
        routes.put("/modules", handlers::modules);
        routes.put("/peers", handlers::peers);
        routes.put("/status", handlers::status);
        routes.put("/evidence", handlers::evidence);
        http = AdminHttp.start(config.host(), config.port(), config.maxConnections(), Path.of(config.tokenFile()),
                token, routes);
        url = http.url();
        LOG.log(Level.INFO, "admin API listening on {0}", url);
    }

    static Set<NodeComponent> required(String[] words) {
        Set<NodeComponent> s = EnumSet.noneOf(NodeComponent.class);
        for (String w : words) {
            NodeComponent.byWord(w).ifPresent(s::add);
        }
        return s;
    }

    @Override
    public URI url() {
        return url;
    }

    @Deactivate
    void deactivate() {
        if (http != null) {
            http.close();
            LOG.log(Level.INFO, "admin API stopped");
        }
    }
}
