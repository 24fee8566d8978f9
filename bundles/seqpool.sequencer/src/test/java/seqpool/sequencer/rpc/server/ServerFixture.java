package seqpool.sequencer.rpc.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import seqpool.sequencer.rpc.json.Json;
import seqpool.sequencer.rpc.testing.FakeEthBackend;
import seqpool.sequencer.rpc.testing.Rpc;

/** A server on a free loopback port over a fake chain, and a JDK HTTP client for it. */
final class ServerFixture implements AutoCloseable {
    final FakeEthBackend chain = new FakeEthBackend();
    final RpcServer server;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    ServerFixture(RpcSettings.Builder settings) throws IOException {
        server = RpcServer.start(chain, settings.host("127.0.0.1").port(0).build());
    }

    static RpcSettings.Builder defaults() {
        return RpcSettings.builder().ioThreads(1).workerThreads(2);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.address().getPort() + "/");
    }

    HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return post(body, "application/json");
    }

    HttpResponse<String> post(String body, String contentType) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri()).timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts one call and returns the parsed JSON-RPC response. */
    Json.Obj call(String method, String params) throws IOException, InterruptedException {
        HttpResponse<String> r = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":"
                + params + "}");
        if (r.statusCode() != 200) {
            throw new AssertionError("HTTP " + r.statusCode() + ": " + r.body());
        }
        return (Json.Obj) Rpc.parse(r.body());
    }

    @Override
    public void close() {
        server.close();
    }
}
