package seqpool.sequencer.rpc.dispatch;

/** A request the server answers with a JSON-RPC error (invalid params, unsupported, limits). */
public final class RpcException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient RpcError error;

    public RpcException(RpcError error) {
        super(error.message());
        this.error = error;
    }

    public RpcException(int code, String message) {
        this(new RpcError(code, message));
    }

    public static RpcException invalidParams(String message) {
        return new RpcException(RpcError.INVALID_PARAMS, message);
    }

    public RpcError error() {
        return error;
    }
}
