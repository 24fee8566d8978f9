package seqpool.runtime.pool;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import seqpool.codec.json.JsonReader;

/** A bare JSON-RPC 2.0 client of one node's L2 endpoint (HTTP and WebSocket), for checks web3j does not make. */
final class L2Rpc {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    final String url;

    L2Rpc(String url) {
        this.url = url;
    }

    /** The raw answer body of a request body as sent (status 200 expected: JSON-RPC errors travel in the body). */
    String post(String body) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("HTTP " + r.statusCode() + " from " + url + ": " + r.body());
        }
        return r.body();
    }

    /** One call: its answer object ({@code result} or {@code error}). */
    Map<String, Object> call(String method, String paramsJson) throws IOException, InterruptedException {
        return JsonReader.parseObject(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":"
                + paramsJson + "}"));
    }

    Object result(String method, String paramsJson) throws IOException, InterruptedException {
        Map<String, Object> a = call(method, paramsJson);
        if (a.containsKey("error")) {
            throw new IOException(method + " " + paramsJson + " failed: " + a.get("error"));
        }
        return a.get("result");
    }

    long blockNumber() throws IOException, InterruptedException {
        return Long.decode((String) result("eth_blockNumber", "[]"));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> block(long number) throws IOException, InterruptedException {
        return (Map<String, Object>) result("eth_getBlockByNumber", "[\"0x" + Long.toHexString(number) + "\",false]");
    }

    /** A WebSocket with one subscription whose notifications' results are queued. */
    static final class Subscription implements AutoCloseable {
        final BlockingQueue<Map<String, Object>> results = new LinkedBlockingQueue<>();
        private final WebSocket ws;

        Subscription(String httpUrl, String paramsJson) throws Exception {
            BlockingQueue<Map<String, Object>> answers = new LinkedBlockingQueue<>();
            ws = HTTP.newWebSocketBuilder().buildAsync(URI.create(httpUrl.replaceFirst("^http", "ws")),
                    new WebSocket.Listener() {
                        private final StringBuilder text = new StringBuilder();

                        @Override
                        @SuppressWarnings("unchecked")
                        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                            text.append(data);
                            if (last) {
                                Map<String, Object> m = JsonReader.parseObject(text.toString());
                                text.setLength(0);
                                if ("eth_subscription".equals(m.get("method"))) {
                                    results.add((Map<String, Object>) ((Map<String, Object>) m.get("params"))
                                            .getOrDefault("result", Map.of()));
                                } else {
                                    answers.add(m);
                                }
                            }
                            w.request(1);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
            ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\",\"params\":" + paramsJson + "}",
                    true).get(10, TimeUnit.SECONDS);
            Map<String, Object> answer = answers.poll(10, TimeUnit.SECONDS);
            if (answer == null || !(answer.get("result") instanceof String)) {
                throw new IOException("eth_subscribe " + paramsJson + " answered " + answer);
            }
        }

        Map<String, Object> next(Duration timeout) throws InterruptedException {
            Map<String, Object> m = results.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (m == null) {
                throw new AssertionError("no notification within " + timeout);
            }
            return m;
        }

        @Override
        public void close() {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    static String str(Object o) {
        return (String) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return (List<Object>) o;
    }
}
