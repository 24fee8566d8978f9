package seqpool.sequencer.evm;

/** Anvil answered a call with a JSON-RPC error (its code and message, e.g. -32003 {@code nonce too low}). */
final class AnvilRpcException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String method;
    private final int code;
    private final String rpcMessage;

    AnvilRpcException(String method, int code, String rpcMessage) {
        super(method + " failed: " + rpcMessage + " (" + code + ")");
        this.method = method;
        this.code = code;
        this.rpcMessage = rpcMessage;
    }

    String method() {
        return method;
    }

    int code() {
        return code;
    }

    String rpcMessage() {
        return rpcMessage;
    }
}
