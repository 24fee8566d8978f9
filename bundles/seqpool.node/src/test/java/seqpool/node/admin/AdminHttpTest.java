package seqpool.node.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpHandler;

import seqpool.api.metrics.HistogramSnapshot;
import seqpool.api.metrics.MetricSource;
import seqpool.api.p2p.P2pNetwork;
import seqpool.api.store.KeyValueStore;
import seqpool.node.health.HealthMonitor;
import seqpool.node.health.NodeComponent;
import seqpool.node.health.ServiceView;
import seqpool.node.metrics.Exposition;
import seqpool.node.metrics.NodeMetrics;
import seqpool.node.metrics.PoolMetrics;

/**
 * The admin API's HTTP server with real sockets and the real probes, over stand-in services that the test starts and
 * stops: health follows the transport, stuck clients do not delay it, a second server on a taken port leaves the
 * first one's token alone, and {@code /metrics} is valid exposition text.
 */
class AdminHttpTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicReference<P2pNetwork> p2p = new AtomicReference<>(FakeServices.p2p(0));
    private final AtomicReference<KeyValueStore> store = new AtomicReference<>(FakeServices.store());
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private AdminHttp start(Path dir, int port, MetricSource... extra) throws IOException {
        ServiceView services = new ServiceView(Map.of(P2pNetwork.class, (Supplier<?>) p2p::get, KeyValueStore.class,
                (Supplier<?>) store::get));
        HealthMonitor health = new HealthMonitor(services, EnumSet.of(NodeComponent.STORE, NodeComponent.P2P), 30_000,
                System::currentTimeMillis);
        PoolMetrics own = new PoolMetrics(services, health, List::of);
        List<MetricSource> sources = new ArrayList<>(List.of(own));
        sources.addAll(List.of(extra));
        ProbeHandlers probes = new ProbeHandlers(health, new NodeMetrics(() -> sources),
                new PeerReport(p2p::get), List::of, () -> 1);
        Map<String, HttpHandler> routes = new LinkedHashMap<>(probes.routes());
        routes.put("/echo", ex -> {
            try (ex) {
                byte[] b = Replies.body(ex);
                if (b != null) {
                    Replies.json(ex, 200, Map.of("bytes", b.length));
                }
            }
        });
        AdminHttp a = AdminHttp.start("127.0.0.1", port, 8, dir.resolve("admin.token"), TokenFiles.newToken(), routes);
        open.add(a);
        return a;
    }

    private HttpResponse<String> get(URI url) throws Exception {
        return http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthGoes503WhenP2pStopsAndBack200WhenItRecovers(@TempDir Path dir) throws Exception {
        AdminHttp a = start(dir, 0);
        HttpResponse<String> up = get(a.url().resolve("/health"));
        assertEquals(200, up.statusCode(), up.body());
        assertTrue(up.body().contains("\"p2p\":{\"status\":\"UP\",\"required\":true,\"running\":true,\"listening\":true"),
                up.body());
        p2p.set(null); // the transport stops (its service goes away)
        HttpResponse<String> down = get(a.url().resolve("/health"));
        assertEquals(503, down.statusCode(), down.body());
        assertTrue(down.body().contains("\"status\":\"DOWN\",\"down\":[\"p2p\"]"), down.body());
        assertEquals(503, get(a.url().resolve("/ready")).statusCode());
        assertEquals(200, get(a.url().resolve("/live")).statusCode(), "live while the process answers");
        p2p.set(FakeServices.p2p(1)); // it recovers
        HttpResponse<String> again = get(a.url().resolve("/health"));
        assertEquals(200, again.statusCode(), again.body());
        assertTrue(again.body().contains("\"peers\":1"), again.body());
        assertEquals(200, get(a.url().resolve("/ready")).statusCode());
    }

    @Test
    void slowHeaderClientsDoNotDelayHealthAndAreCutOff(@TempDir Path dir) throws Exception {
        AdminHttp a = start(dir, 0);
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Socket s = new Socket("127.0.0.1", a.url().getPort());
            OutputStream out = s.getOutputStream();
            out.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            out.flush(); // and never finish the headers
            slow.add(s);
        }
        Thread.sleep(300); // both stuck requests are on the server's threads now
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = get(a.url().resolve("/health"));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(200, r.statusCode());
            assertTrue(ms < 1_000, "/health took " + ms + " ms beside two stuck clients");
        }
        // the server cuts the stuck requests off (sun.net.httpserver.maxReqTime = 5 s)
        for (Socket s : slow) {
            s.setSoTimeout(10_000);
            try (InputStream in = s.getInputStream()) {
                long t0 = System.nanoTime();
                int b = readOrReset(in);
                assertEquals(-1, b, "connection closed by the server");
                assertTrue((System.nanoTime() - t0) / 1_000_000 < 9_000);
            }
            s.close();
        }
    }

    private static int readOrReset(InputStream in) {
        try {
            return in.read();
        } catch (java.net.SocketException reset) {
            return -1;
        } catch (IOException e) {
            throw new AssertionError("not closed: " + e, e);
        }
    }

    @Test
    void aSecondServerOnATakenPortFailsNamingItAndLeavesTheTokenAlone(@TempDir Path dir) throws Exception {
        AdminHttp first = start(dir, 0);
        int port = first.url().getPort();
        String token = Files.readString(dir.resolve("admin.token"));
        String url = Files.readString(dir.resolve("admin.url"));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("admin.token"))));
        BindException e = assertThrows(BindException.class, () -> start(dir, port));
        assertEquals("admin API: cannot listen on 127.0.0.1:" + port + ": Address already in use", e.getMessage());
        assertEquals(token, Files.readString(dir.resolve("admin.token")), "the running server's token is kept");
        assertEquals(url, Files.readString(dir.resolve("admin.url")));
        first.close();
        open.remove(first);
        assertTrue(!Files.exists(dir.resolve("admin.url")), "a stopped server removes its admin.url");
    }

    @Test
    void requestBodiesAreBounded(@TempDir Path dir) throws Exception {
        AdminHttp a = start(dir, 0);
        HttpResponse<String> small = http.send(HttpRequest.newBuilder(a.url().resolve("/echo"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[100])).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, small.statusCode(), small.body());
        HttpResponse<String> big = http.send(HttpRequest.newBuilder(a.url().resolve("/echo"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[HttpLimits.BODY_BYTES + 1])).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, big.statusCode(), big.body());
    }

    @Test
    void metricsAreValidExpositionTextWithModuleMetrics(@TempDir Path dir) throws Exception {
        MetricSource module = sink -> {
            sink.counter("seqpool_test_bytes_total", "bytes", Map.of("dir", "out"), 42);
            sink.counter("seqpool_test_bytes", "bytes", Map.of("dir", "in"), 7);
            sink.histogram("seqpool_test_step_seconds", "step durations", Map.of("step", "propose"),
                    new HistogramSnapshot(List.of(0.1, 1.0, Double.POSITIVE_INFINITY), List.of(3L, 1L, 1L), 4.5));
            sink.gauge("bad name", "skipped, not thrown", 1);
        };
        AdminHttp a = start(dir, 0, module);
        HttpResponse<String> r = get(a.url().resolve("/metrics"));
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"),
                r.headers().toString());
        Map<String, Exposition.Family> f = Exposition.parse(r.body());
        assertEquals("gauge", f.get("seqpool_p2p_peers").type());
        assertEquals(0.0, Exposition.value(f, "seqpool_p2p_peers", Map.of()));
        assertEquals(1.0, Exposition.value(f, "seqpool_component_up", Map.of("component", "p2p")));
        assertEquals("counter", f.getOrDefault("seqpool_test_bytes", f.get("seqpool_test_bytes_total")).type());
        assertEquals(42.0, Exposition.value(f, "seqpool_test_bytes_total", Map.of("dir", "out")));
        assertEquals(7.0, Exposition.value(f, "seqpool_test_bytes_total", Map.of("dir", "in")));
        assertEquals("histogram", f.get("seqpool_test_step_seconds").type());
        assertEquals(4.0, Exposition.value(f, "seqpool_test_step_seconds_bucket", Map.of("le", "1.0")), "cumulative");
        assertEquals(5.0, Exposition.value(f, "seqpool_test_step_seconds_count", Map.of()));
        assertTrue(f.keySet().stream().anyMatch(n -> n.startsWith("jvm_memory")), "JVM metrics: " + f.keySet());
        assertTrue(f.values().stream().allMatch(x -> !x.help().isEmpty()), "every family has a HELP line");
        p2p.set(null);
        Map<String, Exposition.Family> down = Exposition.parse(get(a.url().resolve("/metrics")).body());
        assertTrue(!down.containsKey("seqpool_p2p_peers"), "metrics of a module that does not run are absent");
        assertEquals(0.0, Exposition.value(down, "seqpool_component_up", Map.of("component", "p2p")));
    }
}
