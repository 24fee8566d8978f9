package seqpool.node.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import seqpool.node.runtime.ModuleInfo;

/** Client of a running node's admin API (JSON replies, read with snakeyaml's JSON-compatible parser). */
final class AdminClient {
    private final URI base;
    private final String token;
    /** One client for the process: its connections are reused, not left open by a new client per call. */
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final HttpClient http = HTTP;
    private final Duration timeout;

    AdminClient(URI base, String token) {
        this(base, token, Duration.ofSeconds(60));
    }

    AdminClient(URI base, String token, Duration timeout) {
        this.base = base;
        this.token = token;
        this.timeout = timeout;
    }

    List<ModuleInfo> modules() throws IOException, InterruptedException {
        Map<?, ?> body = send(HttpRequest.newBuilder(base.resolve("/modules")).GET(), 200);
        return ((List<?>) body.get("modules")).stream().map(m -> ModuleInfo.fromMap((Map<?, ?>) m)).toList();
    }

    Map<?, ?> health() throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve("/health")).GET(), -1);
    }

    /** {@code GET /peers}: running, self, connected (count), peers (addresses). */
    Map<?, ?> peers() throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve("/peers")).GET(), 200);
    }

    /** {@code GET /status}: the pool as the node sees it (consensus, pos, l1, l2, tss, p2p). */
    Map<?, ?> status() throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve("/status")).GET(), 200);
    }

    Map<?, ?> update(String name, Path file) throws IOException, InterruptedException {
        URI uri = base.resolve("/modules/update?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&file="
                + URLEncoder.encode(file.toString(), StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b, -1);
    }

    private Map<?, ?> send(HttpRequest.Builder request, int expect) throws IOException, InterruptedException {
        HttpResponse<String> r;
        try {
            r = http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new IOException("no node answers at " + base + " (is it running? see admin.url in its data dir)");
        } catch (java.net.http.HttpTimeoutException e) {
            throw new IOException("no answer from " + base + " within " + timeout.toSeconds() + " s");
        }
        Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(r.body());
        if (!(parsed instanceof Map<?, ?> body)) {
            throw new IOException("unexpected reply from " + base + ": HTTP " + r.statusCode());
        }
        if (r.statusCode() == 401 || r.statusCode() == 404 || r.statusCode() == 405
                || (expect > 0 && r.statusCode() != expect)) {
            throw new IOException("HTTP " + r.statusCode() + ": " + body.get("error"));
        }
        return body;
    }
}
