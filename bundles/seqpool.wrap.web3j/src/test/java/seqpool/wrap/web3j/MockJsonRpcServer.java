package seqpool.wrap.web3j;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

/** A loopback JSON-RPC endpoint answering eth_chainId (31337) and eth_blockNumber (0x10); anything else is an error. */
final class MockJsonRpcServer implements AutoCloseable {
    private static final Pattern METHOD = Pattern.compile("\"method\"\\s*:\\s*\"([a-zA-Z_]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private final HttpServer server;
    final AtomicInteger requests = new AtomicInteger();

    MockJsonRpcServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.incrementAndGet();
            Matcher m = METHOD.matcher(body);
            Matcher id = ID.matcher(body);
            String idValue = id.find() ? id.group(1) : "1";
            String method = m.find() ? m.group(1) : "";
            String result = switch (method) {
                case "eth_chainId" -> "\"result\":\"0x7a69\"";
                case "eth_blockNumber" -> "\"result\":\"0x10\"";
                default -> "\"error\":{\"code\":-32601,\"message\":\"method not found\"}";
            };
            byte[] reply = ("{\"jsonrpc\":\"2.0\",\"id\":" + idValue + "," + result + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(reply);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
