package seqpool.sequencer.evm;

import java.util.List;

/** One JSON-RPC call to anvil: a method and its params (values {@link seqpool.codec.json.JsonWriter} can write). */
record RpcCall(String method, List<Object> params) {
    RpcCall {
        if (method == null || method.isEmpty()) {
            throw new IllegalArgumentException("no method");
        }
        params = List.copyOf(params);
    }

    static RpcCall of(String method, Object... params) {
        return new RpcCall(method, List.of(params));
    }
}
