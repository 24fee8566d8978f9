package seqpool.sequencer.evm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import seqpool.codec.json.JsonReader;
import seqpool.codec.json.JsonWriter;

/**
 * JSON-RPC 2.0 over HTTP to one anvil on loopback: single calls and batches. Transport failures (connection refused,
 * timeout, a non-200 status, a body that is not JSON-RPC) are {@link IOException}s; anvil's own error answers are
 * {@link AnvilRpcException}s (single calls) or {@link RpcReply.Failure}s (batches). Thread-safe.
 *
 * <p>A batch is answered in the order of its calls (matched by id). Anvil runs the calls of one batch concurrently:
 * their side effects (e.g. the order in which transactions enter its pool) follow the batch order only for small
 * batches; see {@link AnvilEngine}.
 */
final class AnvilRpc {
    private final HttpClient http;
    private final URI uri;
    private final Duration timeout;

    AnvilRpc(String url, Duration timeout) {
        this.uri = URI.create(url);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
    }

    String url() {
        return uri.toString();
    }

    /** One call; its result (parsed JSON, possibly null) or anvil's error as an exception. */
    Object call(String method, Object... params) throws IOException, AnvilRpcException {
        RpcReply reply = batch(List.of(RpcCall.of(method, params))).get(0);
        if (reply instanceof RpcReply.Failure f) {
            throw f.toException(method);
        }
        return ((RpcReply.Result) reply).value();
    }

    /** Sends the calls as one JSON-RPC batch (a single call is sent alone) and returns the replies in call order. */
    List<RpcReply> batch(List<RpcCall> calls) throws IOException {
        if (calls.isEmpty()) {
            return List.of();
        }
        StringBuilder body = new StringBuilder(calls.size() * 64);
        if (calls.size() > 1) {
            body.append('[');
        }
        for (int i = 0; i < calls.size(); i++) {
            if (i > 0) {
                body.append(',');
            }
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("jsonrpc", "2.0");
            request.put("id", (long) i);
            request.put("method", calls.get(i).method());
            request.put("params", calls.get(i).params());
            JsonWriter.write(body, request);
        }
        if (calls.size() > 1) {
            body.append(']');
        }
        Object parsed = parse(post(body.toString()));
        List<?> answers = parsed instanceof List<?> l ? l : List.of(parsed);
        RpcReply[] replies = new RpcReply[calls.size()];
        for (Object a : answers) {
            if (!(a instanceof Map<?, ?> m)) {
                throw new IOException("anvil sent a JSON-RPC answer that is not an object: " + a);
            }
            Object id = m.get("id");
            if (m.get("error") instanceof Map<?, ?> error && !(id instanceof Long)) {
                throw new IOException("anvil refused the request: " + error.get("message"));
            }
            if (!(id instanceof Long n) || n < 0 || n >= replies.length || replies[(int) (long) n] != null) {
                throw new IOException("anvil sent an answer with an unexpected id: " + id);
            }
            replies[(int) (long) n] = reply(m);
        }
        List<RpcReply> out = new ArrayList<>(replies.length);
        for (int i = 0; i < replies.length; i++) {
            if (replies[i] == null) {
                throw new IOException("anvil did not answer call " + i + " (" + calls.get(i).method() + ")");
            }
            out.add(replies[i]);
        }
        return out;
    }

    private static RpcReply reply(Map<?, ?> m) throws IOException {
        if (m.get("error") instanceof Map<?, ?> error) {
            Object code = error.get("code");
            Object message = error.get("message");
            return new RpcReply.Failure(code instanceof Long c ? (int) (long) c : -32603,
                    message instanceof String s ? s : String.valueOf(message), error.get("data"));
        }
        if (!m.containsKey("result")) {
            throw new IOException("anvil sent an answer with neither result nor error: " + m);
        }
        return new RpcReply.Result(m.get("result"));
    }

    private static Object parse(String body) throws IOException {
        try {
            return JsonReader.parse(body);
        } catch (IllegalArgumentException e) {
            throw new IOException("anvil sent a body that is not JSON: " + e.getMessage(), e);
        }
    }

    private String post(String body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IOException("anvil answered HTTP " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling anvil", e);
        }
    }
}
