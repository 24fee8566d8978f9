package seqpool.node.admin;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import seqpool.node.health.HealthReport;
import seqpool.node.health.HealthMonitor;
import seqpool.node.health.HealthStatus;
import seqpool.node.metrics.NodeMetrics;
import seqpool.node.runtime.ModuleInfo;

/**
 * The probes and the metrics: {@code /health} (every component's state; 503 when a required one is down or a bundle
 * is not active), {@code /ready} (200 once nothing required is down: the node can serve), {@code /live} (200 while
 * the process answers at all), {@code /metrics} (Prometheus text format). Thread-safe.
 */
final class ProbeHandlers {
    private final HealthMonitor health;
    private final NodeMetrics metrics;
    private final PeerReport peers;
    private final Supplier<List<ModuleInfo>> unhealthyBundles;
    private final IntSupplier bundles;

    ProbeHandlers(HealthMonitor health, NodeMetrics metrics, PeerReport peers,
            Supplier<List<ModuleInfo>> unhealthyBundles, IntSupplier bundles) {
        this.health = health;
        this.metrics = metrics;
        this.peers = peers;
        this.unhealthyBundles = unhealthyBundles;
        this.bundles = bundles;
    }

    Map<String, HttpHandler> routes() {
        return Map.of("/health", this::health, "/ready", this::ready, "/live", this::live, "/metrics", this::metrics);
    }

    void health(HttpExchange ex) throws IOException {
        try (ex) {
            if (Replies.wrongMethod(ex, "GET")) {
                return;
            }
            HealthReport r = health.check();
            List<ModuleInfo> bad = unhealthyBundles.get();
            HealthStatus status = bad.isEmpty() ? r.status() : HealthStatus.DOWN;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status.name());
            body.put("down", r.down());
            body.put("components", r.componentsMap());
            body.put("bundles", bundles.getAsInt());
            body.put("unhealthy", bad.stream().map(ModuleInfo::toMap).toList());
            body.put("uptimeMs", ManagementFactory.getRuntimeMXBean().getUptime());
            body.put("p2p", peers.snapshot());
            Replies.json(ex, status == HealthStatus.DOWN ? 503 : 200, body);
        }
    }

    void ready(HttpExchange ex) throws IOException {
        try (ex) {
            if (Replies.wrongMethod(ex, "GET")) {
                return;
            }
            HealthReport r = health.check();
            boolean ready = r.status() != HealthStatus.DOWN && unhealthyBundles.get().isEmpty();
            Replies.json(ex, ready ? 200 : 503, Map.of("ready", ready, "down", r.down()));
        }
    }

    void live(HttpExchange ex) throws IOException {
        try (ex) {
            if (Replies.wrongMethod(ex, "GET")) {
                return;
            }
            Replies.json(ex, 200, Map.of("live", true, "uptimeMs", ManagementFactory.getRuntimeMXBean().getUptime()));
        }
    }

    void metrics(HttpExchange ex) throws IOException {
        try (ex) {
            if (Replies.wrongMethod(ex, "GET")) {
                return;
            }
            Replies.bytes(ex, 200, metrics.contentType(), metrics.scrape());
        }
    }
}
