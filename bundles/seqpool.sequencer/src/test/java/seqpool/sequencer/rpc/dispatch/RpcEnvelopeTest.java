package seqpool.sequencer.rpc.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import seqpool.sequencer.rpc.json.Json;
import seqpool.sequencer.rpc.json.JsonWriter;
import seqpool.sequencer.rpc.testing.FakeEthBackend;
import seqpool.sequencer.rpc.testing.Rpc;
import seqpool.sequencer.rpc.testing.Shapes;
import seqpool.sequencer.rpc.testing.TestSession;

/** JSON-RPC 2.0 itself: envelopes, ids, batches, notifications, and the per-request limits. */
class RpcEnvelopeTest {
    final Rpc rpc = new Rpc();

    /** Each message gets one error response with this id, code and message part. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"           | null | -32700 | parse error",
        "not json                                                            | null | -32700 | parse error",
        "`{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}}`         | null | -32700 | after the value",
        "`\"eth_chainId\"`                                                   | null | -32600 | want a request object",
        "`42`                                                                | null | -32600 | want a request object",
        "`{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"eth_chainId\"}`          | 1    | -32600 | jsonrpc must be",
        "`{\"id\":\"a\",\"method\":\"eth_chainId\"}`                          | `\"a\"` | -32600 | jsonrpc must be",
        "`{\"jsonrpc\":2.0,\"id\":1,\"method\":\"eth_chainId\"}`              | 1    | -32600 | jsonrpc must be",
        "`{\"jsonrpc\":\"2.0\",\"id\":1}`                                      | 1    | -32600 | method must be",
        "`{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":7}`                         | 1    | -32600 | method must be",
        "`{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"eth_chainId\"}`         | null | -32600 | id must be",
        "`{\"jsonrpc\":\"2.0\",\"id\":[1],\"method\":\"eth_chainId\"}`        | null | -32600 | id must be",
        "`{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_nope\"}`             | 1    | -32601 | eth_nope does not exist",
        "`{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":{}}` | 1 | -32602 | must be an array",
        "`{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":\"x\"}` | 1 | -32600 | params must be",
        "`{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[1]}` | 1 | -32602 | too many arguments",
        "`[]`                                                                | null | -32600 | empty batch",
    })
    void malformedRequestsGetErrors(String message, String id, int code, String messagePart) {
        Json.Obj r = (Json.Obj) rpc.send(message).orElseThrow();
        assertEquals("2.0", Rpc.str(r.get("jsonrpc")));
        assertEquals(id, JsonWriter.write(r.get("id")));
        Json.Obj e = (Json.Obj) r.get("error");
        assertEquals(Integer.toString(code), JsonWriter.write(e.get("code")));
        assertTrue(Rpc.str(e.get("message")).contains(messagePart), e::toString);
        assertFalse(r.has("result"));
    }

    @Test
    void idsComeBackAsSent() {
        for (String id : List.of("1", "\"abc\"", "null", "12345678901234567890123", "-5", "1.5")) {
            Json.Obj r = (Json.Obj) rpc.send("{\"jsonrpc\":\"2.0\",\"id\":" + id
                    + ",\"method\":\"eth_chainId\",\"params\":[]}").orElseThrow();
            assertEquals(id, JsonWriter.write(r.get("id")));
            assertEquals("0x385", Rpc.str(r.get("result")));
        }
    }

    @Test
    void notificationsGetNoAnswerEvenWhenTheyFail() {
        assertTrue(rpc.send("{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"}").isEmpty());
        assertTrue(rpc.send("{\"jsonrpc\":\"2.0\",\"method\":\"eth_nope\"}").isEmpty());
        assertTrue(rpc.send("[{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"eth_blockNumber\"}]").isEmpty());
        int before = rpc.chain.calls.get();
        rpc.send("{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"}");
        assertEquals(before + 1, rpc.chain.calls.get(), "a notification is still executed");
    }

    @Test
    void batchesAnswerEachRequestInOrderAndSkipNotifications() {
        List<Json> r = Shapes.items(rpc.send("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"}, 5,"
                + "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"net_version\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"eth_getBalance\",\"params\":[\"0x01\"]}]").orElseThrow());
        assertEquals(4, r.size());
        assertEquals("0x385", Rpc.str(((Json.Obj) r.get(0)).get("result")));
        assertEquals("-32600", JsonWriter.write(((Json.Obj) ((Json.Obj) r.get(1)).get("error")).get("code")));
        assertEquals("901", Rpc.str(((Json.Obj) r.get(2)).get("result")));
        assertEquals("\"x\"", JsonWriter.write(((Json.Obj) r.get(2)).get("id")));
        assertEquals("-32602", JsonWriter.write(((Json.Obj) ((Json.Obj) r.get(3)).get("error")).get("code")));
    }

    @Test
    void aBatchOverTheLimitIsRefusedWholeWithoutRunningAnything() {
        String one = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}";
        String ok = "[" + String.join(",", java.util.Collections.nCopies(1000, one)) + "]";
        assertEquals(1000, Shapes.items(rpc.send(ok).orElseThrow()).size());
        int before = rpc.chain.calls.get();
        Json.Obj r = (Json.Obj) rpc.send("[" + String.join(",", java.util.Collections.nCopies(10_000, one)) + "]")
                .orElseThrow();
        Json.Obj e = (Json.Obj) r.get("error");
        assertEquals("-32600", JsonWriter.write(e.get("code")));
        assertEquals("batch too large: 10000 requests, at most 1000", Rpc.str(e.get("message")));
        assertEquals(before, rpc.chain.calls.get());
    }

    @Test
    void theRateLimitAnswersEachCallOverItWithMinus32005() {
        rpc.session = new TestSession(false, 2);
        List<Json> r = Shapes.items(rpc.send("[" + String.join(",", java.util.Collections.nCopies(3,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}")) + "]").orElseThrow());
        assertTrue(((Json.Obj) r.get(1)).has("result"));
        Json.Obj e = (Json.Obj) ((Json.Obj) r.get(2)).get("error");
        assertEquals("-32005", JsonWriter.write(e.get("code")));
        assertEquals("rate limit exceeded", Rpc.str(e.get("message")));
        assertEquals("-32005", JsonWriter.write(rpc.error("eth_chainId", "[]", -32005).get("code")));
    }

    @Test
    void responsesAreBoundedInSize() {
        Rpc small = new Rpc(new FakeEthBackend(), new RpcLimits(1000, 4096, 100, 100, 100, 64));
        String big = "0x" + "ab".repeat(3000);
        assertTrue(small.errorMessage("eth_call", "[{\"input\":\"" + big + "\"}]", -32005).contains("too large"));
        List<Json> r = Shapes.items(small.send("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_call\",\"params\":[{\"input\":\"" + big + "\"}]},"
                + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"eth_chainId\"}]").orElseThrow());
        assertEquals(3, r.size());
        assertTrue(((Json.Obj) r.get(0)).has("result"));
        assertEquals("-32005", JsonWriter.write(((Json.Obj) ((Json.Obj) r.get(1)).get("error")).get("code")));
        assertEquals("-32005", JsonWriter.write(((Json.Obj) ((Json.Obj) r.get(2)).get("error")).get("code")));
        assertEquals("3", JsonWriter.write(((Json.Obj) r.get(2)).get("id")));
    }

    @Test
    void backendBugsAreInternalErrorsWithoutTheirMessage() {
        rpc.chain.fail("eth_chainId", new IllegalStateException("secret detail"));
        String m = rpc.errorMessage("eth_chainId", "[]", -32603);
        assertEquals("internal error", m);
        assertEquals("0x0", Rpc.str(rpc.result("eth_blockNumber", "[]")), "the next call is served");
    }
}
