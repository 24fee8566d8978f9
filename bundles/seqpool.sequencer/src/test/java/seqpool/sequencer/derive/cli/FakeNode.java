package seqpool.sequencer.derive.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;

import seqpool.api.common.Hash32;
import seqpool.codec.json.JsonReader;

/** A node's JSON-RPC reduced to {@code eth_getBlockByNumber}: the blocks it is told, on a loopback port. Test-only. */
final class FakeNode implements AutoCloseable {
    private final HttpServer server;
    private final Map<Long, Hash32[]> blocks = new ConcurrentHashMap<>();

    FakeNode() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            Map<String, Object> req = JsonReader.parseObject(new String(ex.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            Object number = ((java.util.List<?>) req.get("params")).get(0);
            Hash32[] b = blocks.get(Long.parseLong(((String) number).substring(2), 16));
            String result = b == null ? "null" : "{\"hash\":\"0x" + b[0].value().toHex() + "\",\"stateRoot\":\"0x"
                    + b[1].value().toHex() + "\"}";
            byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":" + result + "}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        });
        server.start();
    }

    void put(long number, Hash32 hash, Hash32 stateRoot) {
        blocks.put(number, new Hash32[] {hash, stateRoot});
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
