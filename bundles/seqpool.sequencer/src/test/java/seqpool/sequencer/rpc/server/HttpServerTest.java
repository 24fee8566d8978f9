package seqpool.sequencer.rpc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import seqpool.sequencer.rpc.json.Json;
import seqpool.sequencer.rpc.json.JsonWriter;
import seqpool.sequencer.rpc.testing.Rpc;
import seqpool.sequencer.rpc.testing.Shapes;

/** JSON-RPC over real HTTP: the happy path, and every kind of malformed or hostile client, after which it serves on. */
class HttpServerTest {
    static final String CHAIN_ID = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}";

    ServerFixture f;

    @AfterEach
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    void assertServes() throws IOException, InterruptedException {
        assertEquals("0x385", Rpc.str(f.call("eth_chainId", "[]").get("result")));
    }

    static String code(Json.Obj response) {
        return JsonWriter.write(((Json.Obj) response.get("error")).get("code"));
    }

    @Test
    void answersPostsAndBatches() throws Exception {
        f = new ServerFixture(ServerFixture.defaults());
        HttpResponse<String> r = f.post(CHAIN_ID);
        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("content-type").orElseThrow());
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x385\"}", r.body());
        List<Json> batch = Shapes.items(Rpc.parse(f.post("[" + CHAIN_ID + ","
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_blockNumber\"}]").body()));
        assertEquals(2, batch.size());
        HttpResponse<String> onlyNotifications = f.post("{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"}");
        assertEquals(200, onlyNotifications.statusCode());
        assertEquals("", onlyNotifications.body());
        assertEquals(200, f.post(CHAIN_ID, "application/json; charset=utf-8").statusCode());
    }

    @Test
    void jsonRpcErrorsComeWithStatus200AndTheirCodes() throws Exception {
        f = new ServerFixture(ServerFixture.defaults());
        String[][] cases = {
            {"{\"jsonrpc\":\"2.0\",\"id\":1,", "-32700"},
            {"\u0000\u0001garbage", "-32700"},
            {"{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"eth_chainId\"}", "-32600"},
            {"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_sendTransaction\"}", "-32601"},
            {"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getBalance\",\"params\":[\"0xzz\"]}", "-32602"},
            {"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getBlockByNumber\",\"params\":[\"0x00\",false]}", "-32602"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = f.post(c[0]);
            assertEquals(200, r.statusCode(), c[0]);
            assertEquals(c[1], code((Json.Obj) Rpc.parse(r.body())), c[0]);
        }
        assertServes();
    }

    @Test
    void httpLevelErrors() throws Exception {
        f = new ServerFixture(ServerFixture.defaults());
        HttpResponse<String> get = f.http.send(HttpRequest.newBuilder(f.uri()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("allow").orElseThrow());
        HttpResponse<String> path = f.http.send(HttpRequest.newBuilder(f.uri().resolve("/admin"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(CHAIN_ID)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, path.statusCode());
        assertEquals(415, f.post(CHAIN_ID, "text/plain").statusCode());
        assertEquals(415, f.post(CHAIN_ID, "application/jsonx").statusCode());
        assertServes();
    }

    @Test
    void aBatchOfTenThousandIsRefusedCleanly() throws Exception {
        f = new ServerFixture(ServerFixture.defaults());
        String batch = "[" + String.join(",", Collections.nCopies(10_000, CHAIN_ID)) + "]";
        int before = f.chain.calls.get();
        HttpResponse<String> r = f.post(batch);
        assertEquals(200, r.statusCode());
        Json.Obj e = (Json.Obj) Rpc.parse(r.body());
        assertEquals("-32600", code(e));
        assertTrue(Rpc.str(((Json.Obj) e.get("error")).get("message")).startsWith("batch too large"));
        assertEquals(before, f.chain.calls.get(), "nothing of the batch ran");
        assertServes();
    }

    @Test
    void anOversizedBodyGets413AndIsNeverBuffered() throws Exception {
        f = new ServerFixture(ServerFixture.defaults().maxHttpBodyBytes(64 * 1024));
        String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_call\",\"params\":[{\"input\":\"0x"
                + "ab".repeat(200_000) + "\"}]}";
        HttpResponse<String> r = f.post(big);
        assertEquals(413, r.statusCode());
        assertEquals("close", r.headers().firstValue("connection").orElseThrow());
        // chunked, with no Content-Length to judge by: cut off once it passes the limit
        try (RawClient raw = new RawClient(f.server.address())) {
            raw.write("POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            String chunk = "ab".repeat(8192);
            for (int i = 0; i < 5; i++) {
                raw.write(Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n");
            }
            assertEquals(413, raw.read().status());
        }
        assertServes();
    }

    @Test
    void malformedHttpGetsAnErrorAndTheConnectionIsClosed() throws Exception {
        f = new ServerFixture(ServerFixture.defaults());
        try (RawClient raw = new RawClient(f.server.address())) {
            raw.write("THIS IS NOT HTTP\r\n\r\n");
            assertEquals(400, raw.read().status());
            assertTrue(raw.closedWithin(2000));
        }
        try (RawClient raw = new RawClient(f.server.address())) {
            raw.write("POST / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
            assertEquals(431, raw.read().status());
            assertTrue(raw.closedWithin(2000));
        }
        try (RawClient raw = new RawClient(f.server.address())) {
            raw.write("POST /" + "a".repeat(10_000) + " HTTP/1.1\r\n\r\n");
            assertEquals(414, raw.read().status());
            assertTrue(raw.closedWithin(2000));
        }
        assertServes();
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderOnOneConnection() throws Exception {
        f = new ServerFixture(ServerFixture.defaults());
        try (RawClient raw = new RawClient(f.server.address())) {
            StringBuilder three = new StringBuilder();
            for (int id = 1; id <= 3; id++) {
                three.append(RawClient.post("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"eth_blockNumber\"}"));
            }
            raw.write(three.toString());
            for (int id = 1; id <= 3; id++) {
                RawClient.Response r = raw.read();
                assertEquals(200, r.status());
                assertEquals(Integer.toString(id), JsonWriter.write(((Json.Obj) Rpc.parse(r.body())).get("id")));
            }
        }
    }

    @Test
    void aSlowHeaderClientIsCutOffWhileOthersAreServed() throws Exception {
        f = new ServerFixture(ServerFixture.defaults().requestReadTimeoutMs(600));
        try (RawClient slow = new RawClient(f.server.address())) {
            slow.write("POST / HTTP/1.1\r\nHost: x\r\n");
            long start = System.nanoTime();
            boolean closed = false;
            for (int i = 0; i < 40 && !closed; i++) { // a header byte every 100 ms: never complete
                try {
                    slow.write("X");
                } catch (IOException e) {
                    closed = true;
                    break;
                }
                assertServes();
                closed = slow.closedWithin(100);
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(closed, "a slow client must be cut off");
            assertTrue(ms < 3000, "cut off after " + ms + " ms");
        }
        try (RawClient slowBody = new RawClient(f.server.address())) {
            slowBody.write("POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{");
            assertTrue(slowBody.closedWithin(3000), "a body that never completes is cut off");
        }
        assertServes();
    }

    @Test
    void aFloodOfIdleConnectionsIsBoundedAndExpires() throws Exception {
        f = new ServerFixture(ServerFixture.defaults().maxConnections(20).maxConnectionsPerAddress(20)
                .idleTimeoutMs(1500));
        List<RawClient> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                idle.add(new RawClient(f.server.address()));
            }
            waitFor(() -> f.server.openConnections() == 20);
            try (RawClient extra = new RawClient(f.server.address())) {
                assertTrue(extra.closedWithin(2000), "the connection over the limit is closed at once");
            }
            assertTrue(f.server.refusedConnections() >= 1);
            for (RawClient c : idle) {
                assertTrue(c.closedWithin(4000), "idle connections expire");
            }
            waitFor(() -> f.server.openConnections() == 0);
            assertServes();
        } finally {
            for (RawClient c : idle) {
                c.close();
            }
        }
    }

    @Test
    void connectionsPerAddressAreBounded() throws Exception {
        f = new ServerFixture(ServerFixture.defaults().maxConnectionsPerAddress(3));
        List<RawClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                open.add(new RawClient(f.server.address()));
            }
            waitFor(() -> f.server.openConnections() == 3);
            try (RawClient fourth = new RawClient(f.server.address())) {
                assertTrue(fourth.closedWithin(2000));
            }
            open.get(0).write(RawClient.post(CHAIN_ID));
            assertEquals(200, open.get(0).read().status(), "the admitted ones are served");
        } finally {
            for (RawClient c : open) {
                c.close();
            }
        }
    }

    @Test
    void theRateLimitIsPerConnectionAndAnsweredWithMinus32005() throws Exception {
        f = new ServerFixture(ServerFixture.defaults().rate(0.5, 3));
        try (RawClient raw = new RawClient(f.server.address())) {
            raw.write(RawClient.post("[" + String.join(",", Collections.nCopies(4, CHAIN_ID)) + "]"));
            List<Json> r = Shapes.items(Rpc.parse(raw.read().body()));
            assertTrue(((Json.Obj) r.get(2)).has("result"));
            assertEquals("-32005", code((Json.Obj) r.get(3)));
            raw.write(RawClient.post(CHAIN_ID));
            assertEquals("-32005", code((Json.Obj) Rpc.parse(raw.read().body())));
        }
        try (RawClient other = new RawClient(f.server.address())) {
            other.write(RawClient.post(CHAIN_ID));
            assertTrue(((Json.Obj) Rpc.parse(other.read().body())).has("result"), "another connection has its own");
        }
    }

    @Test
    void aSlowBackendBlocksNeitherIoNorOtherRequests() throws Exception {
        f = new ServerFixture(ServerFixture.defaults().workerThreads(2).workerQueue(1));
        CountDownLatch release = f.chain.hold("eth_call");
        String call = "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"eth_call\",\"params\":[{\"input\":\"0x01\"}]}";
        try {
            CompletableFuture<HttpResponse<String>> slow = f.http.sendAsync(HttpRequest.newBuilder(f.uri())
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(call)).build(),
                    HttpResponse.BodyHandlers.ofString());
            waitFor(() -> f.chain.calls.get() >= 1);
            long t0 = System.nanoTime();
            assertServes(); // one worker is stuck (for up to 30 s), the other answers
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 5000);
            assertFalse(slow.isDone());

            // both workers stuck and the queue full: the next request is refused at once, not left waiting
            CompletableFuture<HttpResponse<String>> slow2 = f.http.sendAsync(HttpRequest.newBuilder(f.uri())
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(call)).build(),
                    HttpResponse.BodyHandlers.ofString());
            waitFor(() -> f.chain.calls.get() >= 3);
            CompletableFuture<HttpResponse<String>> queued = f.http.sendAsync(HttpRequest.newBuilder(f.uri())
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(call)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(200);
            try (RawClient raw = new RawClient(f.server.address())) {
                raw.write(RawClient.post(CHAIN_ID));
                Json.Obj busy = (Json.Obj) Rpc.parse(raw.read().body());
                assertEquals("-32005", code(busy));
                assertEquals("server busy, try again later",
                        Rpc.str(((Json.Obj) busy.get("error")).get("message")));
            }
            release.countDown();
            assertEquals("0x01", Rpc.str(((Json.Obj) Rpc.parse(slow.get().body())).get("result")));
            assertTrue(((Json.Obj) Rpc.parse(slow2.get().body())).has("result"));
            assertTrue(((Json.Obj) Rpc.parse(queued.get().body())).has("result"));
        } finally {
            release.countDown();
        }
    }

    @Test
    void aRequestThatTakesTooLongGetsMinus32002() throws Exception {
        f = new ServerFixture(ServerFixture.defaults().requestTimeoutMs(300));
        CountDownLatch release = f.chain.hold("eth_call");
        try {
            long t0 = System.nanoTime();
            Json.Obj r = f.call("eth_call", "[{\"input\":\"0x01\"}]");
            assertEquals("-32002", code(r));
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 5000, "not the 30 s the backend would take");
        } finally {
            release.countDown();
        }
        assertServes();
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not reached in 10 s");
            }
            Thread.sleep(20);
        }
    }
}
