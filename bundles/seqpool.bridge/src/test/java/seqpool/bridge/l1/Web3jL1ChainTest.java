package seqpool.bridge.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

import com.sun.net.httpserver.HttpServer;

import seqpool.api.common.Address;
import seqpool.bridge.follow.BlockHeader;
import seqpool.bridge.follow.BlockRange;
import seqpool.bridge.follow.L1Exception;
import seqpool.bridge.follow.RawLog;

/** The plain web3j client against canned JSON-RPC answers: values mapped, every failure an L1Exception. */
class Web3jL1ChainTest {
    private static final String H1 = "0x" + "11".repeat(32);
    private static final String H2 = "0x" + "22".repeat(32);
    private static final String TX = "0x" + "33".repeat(32);
    private static final String TOPIC = "0x" + "44".repeat(32);
    private static final String POOL = "0x" + "55".repeat(20);
    private static final Pattern METHOD = Pattern.compile("\"method\"\\s*:\\s*\"([a-zA-Z_]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private final Map<String, String> results = new ConcurrentHashMap<>();
    private volatile int status = 200;
    private HttpServer server;
    private ScheduledExecutorService executor;
    private Web3j web3j;
    private Web3jL1Chain chain;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = METHOD.matcher(body);
            Matcher id = ID.matcher(body);
            String method = m.find() ? m.group(1) : "?";
            String answer = "{\"jsonrpc\":\"2.0\",\"id\":" + (id.find() ? id.group(1) : "1") + ","
                    + results.getOrDefault(method, "\"error\":{\"code\":-32601,\"message\":\"no " + method + "\"}")
                    + "}";
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        executor = Executors.newSingleThreadScheduledExecutor();
        web3j = Web3j.build(new HttpService("http://127.0.0.1:" + server.getAddress().getPort()), 100, executor);
        chain = new Web3jL1Chain(web3j);
    }

    @AfterEach
    void stop() {
        web3j.shutdown();
        server.stop(0);
    }

    @Test
    void mapsHeadBlocksAndLogs() throws Exception {
        results.put("eth_chainId", "\"result\":\"0x7a69\"");
        results.put("eth_blockNumber", "\"result\":\"0x10\"");
        results.put("eth_getBlockByNumber", "\"result\":{\"number\":\"0x5\",\"hash\":\"" + H2 + "\",\"parentHash\":\""
                + H1 + "\",\"transactions\":[]}");
        results.put("eth_getLogs", "\"result\":[{\"removed\":false,\"logIndex\":\"0x2\",\"transactionIndex\":\"0x0\","
                + "\"transactionHash\":\"" + TX + "\",\"blockHash\":\"" + H2 + "\",\"blockNumber\":\"0x5\","
                + "\"address\":\"" + POOL + "\",\"data\":\"0xabcd\",\"topics\":[\"" + TOPIC + "\"]}]");
        assertEquals(31337, chain.chainId());
        assertEquals(16, chain.headNumber());
        BlockHeader h = chain.header(5);
        assertEquals(5, h.number());
        assertEquals(H2.substring(2), h.hash().value().toHex());
        assertEquals(H1.substring(2), h.parentHash().value().toHex());
        List<RawLog> logs = chain.logs(new BlockRange(5, 5), List.of(Address.fromHex(POOL)));
        assertEquals(1, logs.size());
        RawLog l = logs.get(0);
        assertEquals(5, l.blockNumber());
        assertEquals(2, l.logIndex());
        assertEquals(POOL, l.contract().toHex());
        assertEquals("abcd", l.data().toHex());
        assertEquals(TOPIC.substring(2), l.topics().get(0).value().toHex());
        assertFalse(l.removed());
    }

    @Test
    void jsonRpcErrorNamesTheCall() {
        results.put("eth_getLogs", "\"error\":{\"code\":-32005,\"message\":\"query returned more than 10000 results\"}");
        L1Exception e = assertThrows(L1Exception.class, () -> chain.logs(new BlockRange(1, 9), List.of()));
        assertTrue(e.getMessage().startsWith("eth_getLogs 1..9: JSON-RPC error -32005: query returned"),
                e.getMessage());
    }

    @Test
    void missingOrWrongBlockIsAnL1Exception() {
        results.put("eth_getBlockByNumber", "\"result\":null");
        assertTrue(assertThrows(L1Exception.class, () -> chain.header(99)).getMessage().contains("no such block"));
        results.put("eth_getBlockByNumber", "\"result\":{\"number\":\"0x6\",\"hash\":\"" + H2 + "\",\"parentHash\":\""
                + H1 + "\",\"transactions\":[]}");
        assertTrue(assertThrows(L1Exception.class, () -> chain.header(5)).getMessage().contains("answered block 6"));
        results.put("eth_getBlockByNumber", "\"result\":{\"number\":\"0x5\",\"hash\":\"0x12\",\"parentHash\":\""
                + H1 + "\",\"transactions\":[]}");
        assertTrue(assertThrows(L1Exception.class, () -> chain.header(5)).getMessage().contains("malformed block"));
    }

    @Test
    void pendingLogWithoutBlockNumberIsAnL1Exception() {
        results.put("eth_getLogs", "\"result\":[{\"removed\":false,\"logIndex\":null,\"transactionHash\":null,"
                + "\"blockHash\":null,\"blockNumber\":null,\"address\":\"" + POOL + "\",\"data\":\"0x\","
                + "\"topics\":[\"" + TOPIC + "\"]}]");
        assertThrows(L1Exception.class, () -> chain.logs(new BlockRange(1, 1), List.of()));
    }

    @Test
    void httpErrorAndGarbageAreL1ExceptionsNotUncheckedOnes() {
        status = 500;
        results.put("eth_blockNumber", "\"result\":\"0x1\"");
        L1Exception http = assertThrows(L1Exception.class, chain::headNumber);
        assertTrue(http.getMessage().startsWith("eth_blockNumber: "), http.getMessage());
        status = 200;
        results.put("eth_blockNumber", "\"result\":{\"not\":\"a number\"}");
        assertThrows(L1Exception.class, chain::headNumber);
    }
}
