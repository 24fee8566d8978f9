package seqpool.sequencer.evm;

/** Anvil's answer to one call: a result (parsed JSON; may be null) or a JSON-RPC error. */
sealed interface RpcReply {
    record Result(Object value) implements RpcReply {
    }

    /** A JSON-RPC error object as anvil sent it; {@code data} is its parsed {@code data} member or null. */
    record Failure(int code, String message, Object data) implements RpcReply {
        AnvilRpcException toException(String method) {
            return new AnvilRpcException(method, code, message);
        }
    }
}
