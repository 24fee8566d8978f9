package seqpool.sequencer.rpc.dispatch;

import java.util.Optional;

import seqpool.sequencer.rpc.EthBackend;
import seqpool.sequencer.rpc.EthBackendException;
import seqpool.sequencer.rpc.json.Json;
import seqpool.sequencer.rpc.json.JsonParseException;
import seqpool.sequencer.rpc.json.JsonParser;
import seqpool.sequencer.rpc.json.JsonWriter;

/**
 * JSON-RPC 2.0 over one message (an HTTP body or a WebSocket text message): parses it, answers a single request or
 * a batch (at most {@link RpcLimits#maxBatch}), skips notifications, applies the connection's rate limit per call,
 * and bounds the response size. Never throws: every input gets an answer (or none, for notifications only).
 * Runs on the server's worker threads; holds no per-connection state.
 */
public final class RpcProcessor {
    private static final System.Logger LOG = System.getLogger("seqpool.rpc");
    private static final String VERSION = "2.0";

    private final EthMethods methods;
    private final RpcLimits limits;

    public RpcProcessor(EthBackend backend, RpcLimits limits) {
        this.methods = new EthMethods(backend, limits);
        this.limits = limits;
    }

    /** The response text, or empty when the message held only notifications. */
    public Optional<String> process(byte[] message, RpcSession session) {
        Json doc;
        try {
            doc = JsonParser.parse(message, limits.maxJsonDepth());
        } catch (JsonParseException e) {
            return Optional.of(errorResponse(Json.NULL, new RpcError(RpcError.PARSE_ERROR, "parse error: "
                    + e.getMessage())));
        }
        if (!(doc instanceof Json.Arr batch)) {
            Optional<Json> r = call(doc, session, false);
            return r.map(json -> bounded(json, doc));
        }
        if (batch.size() == 0) {
            return Optional.of(errorResponse(Json.NULL, new RpcError(RpcError.INVALID_REQUEST, "empty batch")));
        }
        if (batch.size() > limits.maxBatch()) {
            return Optional.of(errorResponse(Json.NULL, new RpcError(RpcError.INVALID_REQUEST, "batch too large: "
                    + batch.size() + " requests, at most " + limits.maxBatch())));
        }
        StringBuilder out = new StringBuilder(256).append('[');
        boolean any = false;
        boolean full = false;
        for (Json item : batch.items()) {
            Optional<Json> r = call(item, session, full);
            if (r.isEmpty()) {
                continue;
            }
            String text = JsonWriter.write(r.get());
            if (!full && out.length() + text.length() > limits.maxResponseBytes()) {
                full = true; // this and every later call of the batch: "response too large", without running it
                text = JsonWriter.write(response(idOf(item), tooLarge()));
            }
            if (any) {
                out.append(',');
            }
            out.append(text);
            any = true;
        }
        return any ? Optional.of(out.append(']').toString()) : Optional.empty();
    }

    /** A response with an error for a request whose id is known (or {@link Json#NULL}). */
    public static String errorResponse(Json id, RpcError error) {
        return JsonWriter.write(response(id, error));
    }

    private String bounded(Json response, Json request) {
        String text = JsonWriter.write(response);
        return text.length() <= limits.maxResponseBytes() ? text : errorResponse(idOf(request), tooLarge());
    }

    private RpcError tooLarge() {
        return new RpcError(RpcError.LIMIT_EXCEEDED, "response too large (limit " + limits.maxResponseBytes()
                + " bytes)");
    }

    /**
     * One request object. Empty for a notification (no {@code id} member) unless the object is not a valid request at
     * all, which always gets an error with id null (JSON-RPC 2.0 §5).
     */
    private Optional<Json> call(Json request, RpcSession session, boolean skip) {
        if (!(request instanceof Json.Obj o)) {
            return Optional.of(response(Json.NULL, invalidRequest("want a request object")));
        }
        Json id = o.get("id");
        boolean notification = id == null;
        if (id != null && !(id instanceof Json.Str || id instanceof Json.Num || id instanceof Json.Null)) {
            return Optional.of(response(Json.NULL, invalidRequest("id must be a string, a number or null")));
        }
        Json replyId = notification ? Json.NULL : id;
        if (!(o.get("jsonrpc") instanceof Json.Str v && VERSION.equals(v.value()))) {
            return Optional.of(response(replyId, invalidRequest("jsonrpc must be \"2.0\"")));
        }
        if (!(o.get("method") instanceof Json.Str m)) {
            return Optional.of(response(replyId, invalidRequest("method must be a string")));
        }
        if (skip) {
            return notification ? Optional.empty() : Optional.of(response(replyId, tooLarge()));
        }
        Outcome outcome = invoke(m.value(), o.get("params"), session);
        if (notification) {
            return Optional.empty();
        }
        return Optional.of(outcome instanceof Outcome.Failed f ? response(replyId, f.error())
                : result(replyId, ((Outcome.Ok) outcome).result()));
    }

    /** Runs one call. */
    private Outcome invoke(String method, Json params, RpcSession session) {
        if (!session.tryAcquire()) {
            return new Outcome.Failed(new RpcError(RpcError.LIMIT_EXCEEDED, "rate limit exceeded"));
        }
        Optional<EthMethods.Handler> handler = methods.find(method);
        if (handler.isEmpty()) {
            return new Outcome.Failed(new RpcError(RpcError.METHOD_NOT_FOUND, "the method " + abbreviate(method)
                    + " does not exist/is not available"));
        }
        try {
            return new Outcome.Ok(handler.get().call(Params.of(params), session));
        } catch (RpcException e) {
            return new Outcome.Failed(e.error());
        } catch (EthBackendException e) {
            String message = e.getMessage() == null ? "error" : e.getMessage();
            return new Outcome.Failed(new RpcError(e.code(), message, e.data() == null ? null : EthJson.data(e.data())));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "internal error in " + method, e);
            return new Outcome.Failed(new RpcError(RpcError.INTERNAL_ERROR, "internal error"));
        }
    }

    private sealed interface Outcome {
        record Ok(Json result) implements Outcome {
        }

        record Failed(RpcError error) implements Outcome {
        }
    }

    private static RpcError invalidRequest(String why) {
        return new RpcError(RpcError.INVALID_REQUEST, "invalid request: " + why);
    }

    private static Json idOf(Json request) {
        if (request instanceof Json.Obj o) {
            Json id = o.get("id");
            if (id instanceof Json.Str || id instanceof Json.Num) {
                return id;
            }
        }
        return Json.NULL;
    }

    private static Json.Obj result(Json id, Json result) {
        return Json.obj().put("jsonrpc", VERSION).put("id", id).put("result", result).build();
    }

    private static Json.Obj response(Json id, RpcError error) {
        return Json.obj().put("jsonrpc", VERSION).put("id", id).put("error", error.toJson()).build();
    }

    private static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }
}
