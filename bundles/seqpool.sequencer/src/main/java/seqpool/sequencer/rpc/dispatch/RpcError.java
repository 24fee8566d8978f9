package seqpool.sequencer.rpc.dispatch;

import seqpool.sequencer.rpc.json.Json;

/**
 * A JSON-RPC 2.0 error object. The codes are those of JSON-RPC 2.0 and the execution-apis error groups
 * ({@code src/error-groups}), plus geth's {@code 3} for reverts and {@code -32002} for timeouts.
 *
 * @param data extra data (revert bytes), or null
 */
public record RpcError(int code, String message, Json data) {
    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** Transaction rejections and other refusals with the node's message (geth). */
    public static final int SERVER_ERROR = -32000;
    /** The request did not finish in time (geth). */
    public static final int TIMEOUT = -32002;
    /** Rate limit, busy server, too large a response or range (execution-apis "Limit exceeded"). */
    public static final int LIMIT_EXCEEDED = -32005;

    public RpcError {
        if (message == null) {
            throw new IllegalArgumentException("error without message");
        }
    }

    public RpcError(int code, String message) {
        this(code, message, null);
    }

    public Json toJson() {
        Json.ObjBuilder b = Json.obj().put("code", Json.Num.of(code)).put("message", message);
        if (data != null) {
            b.put("data", data);
        }
        return b.build();
    }
}
