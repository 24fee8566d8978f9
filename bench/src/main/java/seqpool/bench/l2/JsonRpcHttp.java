package seqpool.bench.l2;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A blocking JSON-RPC client over HTTP/1.1 for one thread: its own {@link HttpClient}, used for one request at a time,
 * so it holds one keep-alive connection (the server's rate limit is per connection, so the generator's connection
 * count is what it chooses, not what a shared pool happens to open).
 */
final class JsonRpcHttp {
    static final ObjectMapper JSON = new ObjectMapper();

    private final URI uri;
    private final HttpClient client;

    JsonRpcHttp(URI uri) {
        this.uri = uri;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    URI uri() {
        return uri;
    }

    /** One call; its result, or an {@link RpcError} with the server's code and message. */
    JsonNode call(String method, Object... params) throws IOException, InterruptedException {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":"
                + JSON.writeValueAsString(params) + "}";
        JsonNode reply = post(body);
        JsonNode err = reply.get("error");
        if (err != null && !err.isNull()) {
            throw new RpcError(err.path("code").asInt(), err.path("message").asText());
        }
        return reply.get("result");
    }

    /** A batch of requests already rendered as JSON objects; the replies in request order (by id 0..n-1). */
    JsonNode[] batch(List<String> requests) throws IOException, InterruptedException {
        JsonNode reply = post("[" + String.join(",", requests) + "]");
        JsonNode[] out = new JsonNode[requests.size()];
        if (!reply.isArray()) {
            // one error for the whole batch (e.g. over the batch limit): every element gets it
            java.util.Arrays.fill(out, reply);
            return out;
        }
        for (JsonNode r : reply) {
            int id = r.path("id").asInt(-1);
            if (id >= 0 && id < out.length) {
                out[id] = r;
            }
        }
        return out;
    }

    static String request(int id, String method, String paramsJson) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}";
    }

    private JsonNode post(String body) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<byte[]> res = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
        if (res.statusCode() != 200) {
            throw new IOException("HTTP " + res.statusCode() + " from " + uri);
        }
        return JSON.readTree(res.body());
    }

    /** A JSON-RPC error answer. */
    static final class RpcError extends IOException {
        private static final long serialVersionUID = 1L;
        final int code;

        RpcError(int code, String message) {
            super(code + " " + message);
            this.code = code;
        }
    }
}
