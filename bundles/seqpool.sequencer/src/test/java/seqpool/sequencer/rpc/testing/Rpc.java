package seqpool.sequencer.rpc.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import seqpool.sequencer.rpc.dispatch.RpcLimits;
import seqpool.sequencer.rpc.dispatch.RpcProcessor;
import seqpool.sequencer.rpc.dispatch.RpcSession;
import seqpool.sequencer.rpc.json.Json;
import seqpool.sequencer.rpc.json.JsonParseException;
import seqpool.sequencer.rpc.json.JsonParser;

/** The processor over a fake chain, driven with JSON text: {@code result("eth_chainId", "[]")}. */
public final class Rpc {
    public final FakeEthBackend chain;
    public final RpcProcessor processor;
    public RpcSession session = TestSession.http();

    public Rpc(FakeEthBackend chain, RpcLimits limits) {
        this.chain = chain;
        this.processor = new RpcProcessor(chain, limits);
    }

    public Rpc() {
        this(new FakeEthBackend(), RpcLimits.DEFAULT);
    }

    /** The raw answer to a message, parsed; empty when there is none. */
    public Optional<Json> send(String message) {
        return processor.process(message.getBytes(StandardCharsets.UTF_8), session).map(Rpc::parse);
    }

    public Json.Obj call(String method, String params) {
        String request = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\",\"params\":" + params + "}";
        Json.Obj response = (Json.Obj) send(request).orElseThrow();
        assertEquals(new Json.Str("2.0"), response.get("jsonrpc"));
        assertEquals(new Json.Num("7"), response.get("id"));
        return response;
    }

    public Json result(String method, String params) {
        Json.Obj r = call(method, params);
        assertNull(r.get("error"), () -> method + params + " failed: " + r);
        assertTrue(r.has("result"), r::toString);
        return r.get("result");
    }

    public Json.Obj error(String method, String params, int code) {
        Json.Obj r = call(method, params);
        assertFalse(r.has("result"), () -> method + params + " should fail: " + r);
        Json.Obj e = assertInstanceOf(Json.Obj.class, r.get("error"));
        assertEquals(new Json.Num(Integer.toString(code)), e.get("code"), e::toString);
        return e;
    }

    public String errorMessage(String method, String params, int code) {
        return str(error(method, params, code).get("message"));
    }

    public static String str(Json v) {
        return assertInstanceOf(Json.Str.class, v).value();
    }

    public static Json parse(String text) {
        try {
            return JsonParser.parse(text.getBytes(StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
