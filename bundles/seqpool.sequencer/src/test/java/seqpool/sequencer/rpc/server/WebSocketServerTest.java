package seqpool.sequencer.rpc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.sequencer.rpc.HeadEvent;
import seqpool.sequencer.rpc.RpcBlock;
import seqpool.sequencer.rpc.RpcHeader;
import seqpool.sequencer.rpc.RpcLog;
import seqpool.sequencer.rpc.json.Json;
import seqpool.sequencer.rpc.json.JsonWriter;
import seqpool.sequencer.rpc.testing.FakeEthBackend;
import seqpool.sequencer.rpc.testing.Rpc;
import seqpool.sequencer.rpc.testing.Shapes;
import seqpool.sequencer.rpc.testing.Signer;

/** JSON-RPC and subscriptions over a real WebSocket, and the clients that abuse one. */
class WebSocketServerTest {
    ServerFixture f;

    @AfterEach
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    int port() {
        return f.server.address().getPort();
    }

    @Test
    void requestsBatchesAndErrorsOverOneConnection() throws Exception {
        f = new ServerFixture(ServerFixture.defaults());
        try (WsClient ws = new WsClient(port())) {
            assertEquals("0x385", Rpc.str(ws.call(1, "eth_chainId", "[]").get("result")));
            ws.send("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\"},"
                    + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"net_version\"}]");
            assertEquals(2, Shapes.items(ws.next()).size());
            ws.send("{not json");
            assertEquals("-32700", JsonWriter.write(((Json.Obj) ((Json.Obj) ws.next()).get("error")).get("code")));
            assertEquals("-32601", JsonWriter.write(((Json.Obj) ws.call(3, "eth_foo", "[]").get("error")).get("code")));
            assertEquals("0x0", Rpc.str(ws.call(4, "eth_blockNumber", "[]").get("result")), "still open");
        }
    }

    @Test
    void newHeadsAndLogsNotificationsInTheStandardShape() throws Exception {
        f = new ServerFixture(ServerFixture.defaults());
        Signer alice = Signer.alice();
        f.chain.fund(alice.address(), BigInteger.TEN.pow(20));
        try (WsClient ws = new WsClient(port())) {
            String heads = Rpc.str(ws.call(1, "eth_subscribe", "[\"newHeads\"]").get("result"));
            String logs = Rpc.str(ws.call(2, "eth_subscribe", "[\"logs\",{\"address\":\""
                    + FakeEthBackend.EMITTER.toHex() + "\",\"topics\":[\"0x"
                    + FakeEthBackend.PING_TOPIC.value().toHex() + "\"]}]").get("result"));
            assertTrue(heads.matches("0x[0-9a-f]{32}"), heads);
            assertFalse(heads.equals(logs));
            f.chain.sendRawTransaction(Bytes.fromHex(alice.transfer1559(0, FakeEthBackend.EMITTER.toHex(),
                    BigInteger.ZERO, "0xc0ffee")));
            RpcBlock mined = f.chain.mine();

            Json.Obj n1 = (Json.Obj) ws.next();
            Json.Obj n2 = (Json.Obj) ws.next();
            Json.Obj head = Rpc.str(((Json.Obj) n1.get("params")).get("subscription")).equals(heads) ? n1 : n2;
            Json.Obj log = head == n1 ? n2 : n1;
            for (Json.Obj n : List.of(head, log)) {
                assertEquals("2.0", Rpc.str(n.get("jsonrpc")));
                assertEquals("eth_subscription", Rpc.str(n.get("method")));
                assertFalse(n.has("id"));
            }
            Json.Obj header = (Json.Obj) ((Json.Obj) head.get("params")).get("result");
            assertEquals("0x1", Rpc.str(header.get("number")));
            assertEquals("0x" + mined.header().hash().value().toHex(), Rpc.str(header.get("hash")));
            assertFalse(header.has("transactions"), "a head notification carries the header only");
            assertEquals(logs, Rpc.str(((Json.Obj) log.get("params")).get("subscription")));
            Json.Obj l = (Json.Obj) ((Json.Obj) log.get("params")).get("result");
            Shapes.log(l);
            assertEquals("0xc0ffee", Rpc.str(l.get("data")));
            assertEquals(Json.FALSE, l.get("removed"));

            // a rewound block: its logs again with removed=true, no head notification
            RpcLog gone = f.chain.receipt(mined.transactions().get(0).hash()).orElseThrow().logs().get(0);
            f.chain.emit(new HeadEvent(mined.header(), List.of(gone), true));
            Json.Obj removed = (Json.Obj) ws.next();
            assertEquals(logs, Rpc.str(((Json.Obj) removed.get("params")).get("subscription")));
            assertEquals(Json.TRUE, ((Json.Obj) ((Json.Obj) removed.get("params")).get("result")).get("removed"));

            assertEquals(Json.TRUE, ws.call(3, "eth_unsubscribe", "[\"" + heads + "\"]").get("result"));
            assertEquals(Json.TRUE, ws.call(4, "eth_unsubscribe", "[\"" + logs + "\"]").get("result"));
            f.chain.mine();
            assertNull(ws.messages.poll(300, TimeUnit.MILLISECONDS), "no notifications after unsubscribing");
        }
    }

    @Test
    void subscriptionsPerConnectionAreBoundedAndGoWithTheConnection() throws Exception {
        f = new ServerFixture(ServerFixture.defaults().maxSubscriptionsPerConnection(2));
        try (WsClient ws = new WsClient(port())) {
            ws.call(1, "eth_subscribe", "[\"newHeads\"]");
            ws.call(2, "eth_subscribe", "[\"logs\", {}]");
            Json.Obj third = ws.call(3, "eth_subscribe", "[\"newHeads\"]");
            assertEquals("-32005", JsonWriter.write(((Json.Obj) third.get("error")).get("code")));
            assertEquals(1, f.server.subscribedConnections());
        }
        HttpServerTest.waitFor(() -> f.server.subscribedConnections() == 0);
        Json.Obj overHttp = f.call("eth_subscribe", "[\"newHeads\"]");
        assertEquals("-32601", JsonWriter.write(((Json.Obj) overHttp.get("error")).get("code")));
    }

    @Test
    void anOversizedMessageClosesWith1009AndBinaryWith1003() throws Exception {
        f = new ServerFixture(ServerFixture.defaults().maxWsMessageBytes(4096));
        try (WsClient ws = new WsClient(port())) {
            ws.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_call\",\"params\":[{\"input\":\"0x"
                    + "ab".repeat(4096) + "\"}]}");
            assertEquals(1009, ws.closed.get(5, TimeUnit.SECONDS));
        }
        try (WsClient ws = new WsClient(port())) {
            // fragments that add up to more than the limit
            ws.ws.sendText("[" + "1,".repeat(1500), false).get(5, TimeUnit.SECONDS);
            ws.ws.sendText("1,".repeat(1500) + "1]", true).get(5, TimeUnit.SECONDS);
            assertEquals(1009, ws.closed.get(5, TimeUnit.SECONDS));
        }
        try (WsClient ws = new WsClient(port())) {
            ws.sendBinary(new byte[] {1, 2, 3});
            assertEquals(1003, ws.closed.get(5, TimeUnit.SECONDS));
        }
        try (WsClient ws = new WsClient(port())) {
            assertEquals("0x385", Rpc.str(ws.call(1, "eth_chainId", "[]").get("result")));
        }
    }

    @Test
    void aClientThatNeverReadsIsDisconnectedInsteadOfBufferedWithoutBound() throws Exception {
        f = new ServerFixture(ServerFixture.defaults().wsMaxPendingBytes(2 << 20));
        int events = 2500;
        RpcHeader big = new RpcHeader(1, Hash32.ZERO, Hash32.ZERO, 1, FakeEthBackend.PRODUCER, Hash32.ZERO,
                Hash32.ZERO, Hash32.ZERO, RpcHeader.EMPTY_BLOOM, 1, 0, Bytes.wrap(new byte[8192]), Hash32.ZERO,
                RpcHeader.ZERO_NONCE, BigInteger.ONE, null, null, null, null, null);
        try (RawWebSocket lazy = new RawWebSocket(f.server.address(), 4096); WsClient healthy = new WsClient(port())) {
            lazy.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\",\"params\":[\"newHeads\"]}");
            assertTrue(lazy.readText().contains("\"result\":\"0x"));
            String sub = Rpc.str(healthy.call(1, "eth_subscribe", "[\"newHeads\"]").get("result"));
            assertEquals(2, f.server.subscribedConnections());
            int healthyGot = 0;
            for (int i = 0; i < events; i++) { // ~17 kB each, ~45 MB in all
                f.chain.emit(new HeadEvent(big, List.of(), false));
                // the live client keeps up by construction: never more than 20 notifications behind
                while (i + 1 - healthyGot > 20) {
                    assertTrue(healthy.messages.poll(10, TimeUnit.SECONDS) != null, "healthy got " + healthyGot);
                    healthyGot++;
                }
            }
            HttpServerTest.waitFor(() -> f.server.subscribedConnections() == 1);
            long received = 0;
            byte[] buf = new byte[65536];
            lazy.raw.socket.setSoTimeout(5000);
            try {
                for (int n; (n = lazy.raw.in.read(buf)) >= 0;) {
                    received += n;
                }
            } catch (IOException reset) {
                // closed by the server
            }
            long total = (long) events * 17_000;
            assertTrue(received < total / 3, "the server buffered " + received + " of " + total + " bytes");
            // the healthy subscriber got every notification and is still served
            while (healthyGot < events) {
                assertTrue(healthy.messages.poll(5, TimeUnit.SECONDS) != null, "healthy got " + healthyGot);
                healthyGot++;
            }
            assertEquals("0x0", Rpc.str(healthy.call(2, "eth_blockNumber", "[]").get("result")));
            assertTrue(sub.startsWith("0x"));
        }
    }

    @Test
    void aSilentClientIsPingedThenClosedAndAPongingOneStays() throws Exception {
        f = new ServerFixture(ServerFixture.defaults().wsPingIntervalMs(300));
        try (RawWebSocket silent = new RawWebSocket(f.server.address(), 0); WsClient jdk = new WsClient(port())) {
            RawWebSocket.Frame ping = silent.read();
            assertEquals(0x9, ping.opcode());
            assertTrue(silent.raw.closedWithin(3000), "no pong: closed");
            Thread.sleep(1000); // the JDK client answers pings by itself
            assertEquals("0x385", Rpc.str(jdk.call(1, "eth_chainId", "[]").get("result")));
        }
    }

    @Test
    void aMessageTrickledInIsCutOff() throws Exception {
        f = new ServerFixture(ServerFixture.defaults().requestReadTimeoutMs(600));
        try (RawWebSocket slow = new RawWebSocket(f.server.address(), 0)) {
            byte[] frame = RawWebSocket.frame(0x1, true, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}"
                    .getBytes());
            boolean closed = false;
            for (int i = 0; i < frame.length - 1 && !closed; i++) {
                try {
                    slow.raw.write(new byte[] {frame[i]});
                } catch (IOException e) {
                    closed = true;
                }
                closed = closed || slow.raw.closedWithin(150);
            }
            assertTrue(closed, "a trickled message must be cut off");
        }
        try (WsClient ws = new WsClient(port())) {
            assertEquals("0x385", Rpc.str(ws.call(1, "eth_chainId", "[]").get("result")));
        }
    }

    @Test
    void pipelinedMessagesAreAllAnswered() throws Exception {
        f = new ServerFixture(ServerFixture.defaults().maxWsInFlight(2));
        try (RawWebSocket raw = new RawWebSocket(f.server.address(), 0)) {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            for (int id = 0; id < 200; id++) {
                all.write(RawWebSocket.frame(0x1, true, ("{\"jsonrpc\":\"2.0\",\"id\":" + id
                        + ",\"method\":\"eth_chainId\"}").getBytes()));
            }
            raw.raw.write(all.toByteArray());
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (int i = 0; i < 200; i++) {
                ids.add(JsonWriter.write(((Json.Obj) Rpc.parse(raw.readText())).get("id")));
            }
            assertEquals(200, ids.size());
        }
    }
}
