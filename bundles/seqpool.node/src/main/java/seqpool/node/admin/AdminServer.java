package seqpool.node.admin;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.sun.net.httpserver.HttpServer;

import seqpool.api.p2p.P2pNetwork;
import seqpool.node.swap.ModuleSwapper;

/**
 * The node's admin API on loopback (JDK HTTP server): {@code GET /health}, {@code GET /peers}, {@code GET /modules},
 * {@code GET /status} (the pool as this node sees it), {@code POST /modules/update?name=..&file=..} (blue-green hot
 * swap through {@link ModuleSwapper}), {@code POST /evidence} (equivocation evidence for consensus). Mutating calls need
 * the bearer token that this component writes, owner-only, to {@code admin.tokenFile} at each start. Starts only when
 * the node has published configuration PID {@code seqpool.admin}.
 */
@Component(configurationPid = "seqpool.admin", configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
public final class AdminServer {
    private static final System.Logger LOG = System.getLogger(AdminServer.class.getName());

    /** The {@code admin} section of the configuration. */
    public @interface Config {
        boolean enabled() default true;

        String host() default "127.0.0.1";

        int port() default 30401;

        String tokenFile();
    }

    private final HttpServer server;
    private final ExecutorService executor;

    /** The p2p transport, while one is registered (optional, dynamic, greedy: a new one replaces the old). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile P2pNetwork p2p;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile seqpool.api.consensus.ConsensusEngine consensus;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile seqpool.api.pos.PosService pos;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile seqpool.api.bridge.Bridge bridge;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile seqpool.api.sequencer.L2Chain l2;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile seqpool.api.tss.ThresholdKeyService tss;

    @Activate
    public AdminServer(BundleContext context, Config config) throws IOException {
        if (!config.enabled()) {
            server = null;
            executor = null;
            LOG.log(Level.INFO, "admin API disabled by configuration");
            return;
        }
        Path tokenFile = Path.of(config.tokenFile());
        String token = newToken();
        writeOwnerOnly(tokenFile, token);
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "seqpool-admin");
            t.setDaemon(true);
            return t;
        });
        server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 16);
        AdminHandlers handlers = new AdminHandlers(context, new ModuleSwapper(context), token,
                new PeerReport(() -> p2p), new PoolReport(() -> consensus, () -> pos, () -> bridge, () -> l2, () -> tss),
                () -> consensus);
        server.createContext("/health", handlers::health);
        server.createContext("/modules", handlers::modules);
        server.createContext("/peers", handlers::peers);
        server.createContext("/status", handlers::status);
        server.createContext("/evidence", handlers::evidence);
        server.setExecutor(executor);
        server.start();
        String url = "http://" + config.host() + ":" + server.getAddress().getPort();
        // written whole or not at all: a reader that sees admin.url must never read it half-written
        Path urlFile = tokenFile.resolveSibling("admin.url");
        Path partial = tokenFile.resolveSibling("admin.url.partial");
        Files.writeString(partial, url + "\n", StandardCharsets.UTF_8);
        Files.move(partial, urlFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        LOG.log(Level.INFO, "admin API listening on {0}", url);
    }

    @Deactivate
    void deactivate() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            LOG.log(Level.INFO, "admin API stopped");
        }
    }

    private static String newToken() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        Files.createFile(file);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not POSIX
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
