package seqpool.sequencer.derive.l1;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import seqpool.codec.json.JsonReader;
import seqpool.codec.json.JsonWriter;
import seqpool.sequencer.derive.L1DataException;

/**
 * JSON-RPC 2.0 and plain GETs over HTTP, with retries and exponential backoff for transport failures (connection
 * refused, timeouts, HTTP 5xx): a flaky endpoint costs time, not a batch. An error answer of the server is not
 * retried. Failures are {@link L1DataException}s naming the endpoint and method. Thread-safe.
 */
public final class JsonRpcHttp {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final int attempts;
    private final Duration timeout;

    public JsonRpcHttp(String url, int attempts, Duration timeout) {
        URI.create(url);
        this.url = url;
        this.attempts = Math.max(1, attempts);
        this.timeout = timeout;
    }

    public String url() {
        return url;
    }

    /** The result of one call (parsed JSON; null for a JSON null). */
    public Object call(String method, List<?> params) throws L1DataException {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":" + JsonWriter.write(method) + ",\"params\":"
                + JsonWriter.write(params) + "}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        Response r = send(request, method);
        if (r.status != 200) {
            throw new L1DataException(url + " " + method + ": HTTP " + r.status);
        }
        Map<String, Object> answer = object(r.body, method);
        if (answer.get("error") instanceof Map<?, ?> error) {
            throw new L1DataException(url + " " + method + ": " + error.get("message"));
        }
        if (!answer.containsKey("result")) {
            throw new L1DataException(url + " " + method + ": an answer without a result");
        }
        return answer.get("result");
    }

    /** A GET of {@code path} (REST, e.g. the Beacon API): the status and the parsed body (null if not JSON). */
    public Response get(String path) throws L1DataException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + path)).timeout(timeout)
                .header("Accept", "application/json").GET().build();
        return send(request, "GET " + path);
    }

    /** An HTTP answer: status and body. */
    public record Response(int status, String body) {
        /** The body as a JSON object, or an empty map if it is not one. */
        public Map<String, Object> json() {
            try {
                return JsonReader.parseObject(body);
            } catch (RuntimeException e) {
                return Map.of();
            }
        }
    }

    private Response send(HttpRequest request, String what) throws L1DataException {
        long backoffMs = 200;
        String last = "";
        for (int i = 1; i <= attempts; i++) {
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (r.statusCode() < 500) {
                    return new Response(r.statusCode(), r.body());
                }
                last = "HTTP " + r.statusCode();
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new L1DataException(url + " " + what + ": interrupted");
            }
            if (i < attempts) {
                sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, 5_000);
            }
        }
        throw new L1DataException(url + " " + what + ": failed " + attempts + " times, last: " + last);
    }

    private Map<String, Object> object(String body, String method) throws L1DataException {
        try {
            return JsonReader.parseObject(body);
        } catch (RuntimeException e) {
            throw new L1DataException(url + " " + method + ": the answer is not a JSON object");
        }
    }

    private static void sleep(long ms) throws L1DataException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new L1DataException("interrupted");
        }
    }
}
