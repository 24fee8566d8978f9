package seqpool.runtime.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The operator's view of a running pool ({@code seqpool devnet --nodes 3} from the exported jar): every node's
 * {@code /metrics} is valid exposition text with the pool's and the modules' metrics; {@code /health} is UP; the
 * dashboard, loaded by Debian's headless Chromium, shows the numbers that {@code /metrics} gives and updates them by
 * itself; {@code seqpool status --devnet DIR} gives the same overview on the terminal. Keeps a screenshot in
 * target/dashboard.png (and in docs/dashboard.png with {@code -Dseqpool.dashboard.docs=true}).
 */
class DashboardIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    /** Dashboard element id → the metric it shows. */
    private static final Map<String, String> SHOWN = Map.of("height", "seqpool_consensus_height", "validators",
            "seqpool_consensus_validators", "epoch", "seqpool_pos_epoch", "peers", "seqpool_p2p_peers", "l1head",
            "seqpool_l1_head_block", "l1confirmed", "seqpool_l1_confirmed_block", "l2head", "seqpool_l2_head_block");

    @Test
    void dashboardShowsTheMetricsLiveInHeadlessChromium() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "dashboard", Long.toString(System.currentTimeMillis())))
                .toAbsolutePath();
        Chromium chromium = Chromium.get(dir); // first: it may need installing (or skip) before a devnet runs
        int base = 20_000 + new java.util.Random().nextInt(11_000);
        try (Devnet net = Devnet.start(dir, "--nodes", "3", "--base-port", Integer.toString(base))) {
            net.awaitRunning(Duration.ofSeconds(180));
            net.await("n1", "L2 blocks and 3 members", Duration.ofSeconds(150), s -> ((Number) ((Map<?, ?>) s.get("l2"))
                    .get("head")).longValue() >= 2 && ((List<?>) ((Map<?, ?>) s.get("pos")).get("members")).size() == 3);
            for (Map<String, Object> n : net.nodes()) {
                HttpResponse<String> h = get(n.get("admin") + "/health");
                assertEquals(200, h.statusCode(), h.body());
                MetricsText m = MetricsText.parse(get(n.get("admin") + "/metrics").body());
                for (String name : List.of("seqpool_consensus_height", "seqpool_consensus_round",
                        "seqpool_consensus_step_seconds_bucket", "seqpool_consensus_votes_total", "seqpool_p2p_peers",
                        "seqpool_p2p_payload_bytes_total", "seqpool_pos_epoch", "seqpool_pos_members",
                        "seqpool_l1_behind_blocks", "seqpool_l2_head_block", "seqpool_component_up",
                        "seqpool_module_info", "jvm_threads_current", "seqpool_sequencer_blocks_total",
                        "seqpool_sequencer_transactions_total", "seqpool_sequencer_mempool_transactions",
                        "seqpool_sequencer_block_interval_seconds_bucket", "seqpool_submitter_batch_lag_blocks",
                        "seqpool_submitter_last_l2_block_on_l1", "seqpool_submitter_l1_gas_used_total",
                        "seqpool_tss_sessions_completed_total", "seqpool_tss_sessions_failed_total")) {
                    assertTrue(m.has(name), n.get("name") + " /metrics has " + name);
                }
                assertEquals(2.0, m.value("seqpool_p2p_peers"), n.get("name") + " peers");
                assertTrue(m.value("seqpool_tss_sessions_completed_total", Map.of("session", "keygen")) >= 1,
                        n.get("name") + " took part in the pool key's generation");
                double added = m.value("seqpool_sequencer_blocks_total", Map.of("origin", "produced"))
                        + m.value("seqpool_sequencer_blocks_total", Map.of("origin", "followed"));
                double head = m.value("seqpool_l2_head_block");
                assertTrue(added >= 1 && added <= head + 1 && added >= head - 1,
                        n.get("name") + ": blocks added " + added + " and the L2 head " + head + " agree");
            }
            String admin = (String) net.node("n1").get("admin");
            MetricsText before = MetricsText.parse(get(admin + "/metrics").body());
            String dom = chromium.dumpDom(admin + "/dashboard/", 7_000);
            MetricsText after = MetricsText.parse(get(admin + "/metrics").body());
            Files.writeString(dir.resolve("dashboard-dom.html"), dom);
            int polls = Integer.parseInt(attr(dom, "data-polls"));
            assertTrue(polls >= 2, "the page polled by itself (" + polls + " times): " + dom);
            for (Map.Entry<String, String> e : SHOWN.entrySet()) {
                double shown = Double.parseDouble(element(dom, e.getKey()));
                double lo = Math.min(before.value(e.getValue()), after.value(e.getValue()));
                double hi = Math.max(before.value(e.getValue()), after.value(e.getValue()));
                assertTrue(shown >= lo && shown <= hi, e.getKey() + " shows " + shown + ", /metrics " + e.getValue()
                        + " went " + lo + ".." + hi);
            }
            assertEquals(3, count(dom, "<td class=\"mono\">0x"), "three validators in the pool table: " + dom);
            assertTrue(dom.contains("class=\"badge UP\""), "health badge UP");
            assertTrue(element(dom, "batchlag").startsWith("last batch "), "the batches panel: " + dom);
            Path png = dir.resolve("dashboard.png");
            chromium.screenshot(admin + "/dashboard/", png, 1280, 1650, 7_000);
            Files.copy(png, Path.of("target", "dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
            if (Boolean.getBoolean("seqpool.dashboard.docs")) {
                Files.copy(png, Path.of("..", "docs", "dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
            }
            String status = net.cli("status", "--devnet", net.dir.toString());
            for (String n : List.of("n1", "n2", "n3")) {
                assertTrue(Pattern.compile("(?m)^" + n + " +0x[0-9a-f]{6}.* UP ").matcher(status).find(),
                        n + " UP in: " + status);
            }
            assertTrue(status.contains("members"), status);
            System.out.println("FIGURE dashboard_polls " + polls);
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String element(String dom, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(dom);
        assertTrue(m.find(), "element " + id + " in the page");
        return m.group(1).trim();
    }

    private static String attr(String dom, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(dom);
        return m.find() ? m.group(1) : "0";
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
