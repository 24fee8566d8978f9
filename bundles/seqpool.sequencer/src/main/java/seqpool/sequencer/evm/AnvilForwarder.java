package seqpool.sequencer.evm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Read access to this node's anvil for the JSON-RPC layer: forwards one request (method + params JSON) and returns
 * the raw result JSON or the error. Only the read methods below are forwarded; anything else — sending or signing
 * transactions, {@code anvil_*}, {@code evm_*}, {@code debug_*}, filters — is refused with -32601, because a client
 * that reached anvil's own methods could rewrite this node's state. Block parameters are translated first:
 * {@code latest} (and an omitted block parameter) becomes the engine's head, so that a client never sees a block the
 * engine has not accepted (during a replay anvil briefly holds the block being checked); then the
 * {@link BlockTagHook} maps the rest (the server's {@code safe} and {@code finalized}). {@code eth_blockNumber} is
 * answered from the engine's head. Thread-safe.
 */
public final class AnvilForwarder {
    /** Forwarded methods and the position of their block parameter (-1: none). */
    static final Map<String, Integer> READ_METHODS = Map.ofEntries(Map.entry("eth_chainId", -1),
            Map.entry("net_version", -1), Map.entry("web3_clientVersion", -1), Map.entry("eth_syncing", -1),
            Map.entry("eth_gasPrice", -1), Map.entry("eth_maxPriorityFeePerGas", -1), Map.entry("eth_blobBaseFee", -1),
            Map.entry("eth_feeHistory", 1), Map.entry("eth_getBalance", 1), Map.entry("eth_getCode", 1),
            Map.entry("eth_getStorageAt", 2), Map.entry("eth_getTransactionCount", 1), Map.entry("eth_call", 1),
            Map.entry("eth_estimateGas", 1), Map.entry("eth_createAccessList", 1), Map.entry("eth_getProof", 2),
            Map.entry("eth_getBlockByNumber", 0), Map.entry("eth_getBlockByHash", -1),
            Map.entry("eth_getBlockTransactionCountByNumber", 0), Map.entry("eth_getBlockTransactionCountByHash", -1),
            Map.entry("eth_getTransactionByHash", -1), Map.entry("eth_getTransactionByBlockHashAndIndex", -1),
            Map.entry("eth_getTransactionByBlockNumberAndIndex", 0), Map.entry("eth_getTransactionReceipt", -1),
            Map.entry("eth_getBlockReceipts", 0), Map.entry("eth_getUncleCountByBlockNumber", 0),
            Map.entry("eth_getUncleCountByBlockHash", -1), Map.entry("eth_getLogs", -1));
    /** Methods whose block parameter may be omitted (it then means {@code latest}). */
    private static final Set<String> OPTIONAL_BLOCK = Set.of("eth_call", "eth_estimateGas", "eth_createAccessList",
            "eth_getBalance", "eth_getCode", "eth_getStorageAt", "eth_getTransactionCount");
    static final int METHOD_NOT_FOUND = -32601;
    static final int INVALID_PARAMS = -32602;
    static final int INTERNAL_ERROR = -32603;

    private final AnvilRpc rpc;
    private final BlockTagHook hook;
    private final LongSupplier head;

    AnvilForwarder(AnvilRpc rpc, BlockTagHook hook, LongSupplier head) {
        this.rpc = rpc;
        this.hook = hook;
        this.head = head;
    }

    /** The methods this forwarder serves. */
    public Set<String> methods() {
        Set<String> all = new java.util.TreeSet<>(READ_METHODS.keySet());
        all.add("eth_blockNumber");
        return all;
    }

    /** Forwards {@code method} with {@code params} (a JSON array, or {@link RawJson#NULL} for none). */
    public RpcOutcome forward(String method, RawJson params) {
        if ("eth_blockNumber".equals(method)) {
            return new RpcOutcome.Success(RawJson.of(Quantity.hex(head.getAsLong())));
        }
        Integer blockIndex = method == null ? null : READ_METHODS.get(method);
        if (blockIndex == null) {
            return new RpcOutcome.Failure(METHOD_NOT_FOUND, "the method " + method + " does not exist/is not available",
                    RawJson.NULL);
        }
        Object parsed = params == null ? null : params.parse();
        if (parsed != null && !(parsed instanceof List)) {
            return new RpcOutcome.Failure(INVALID_PARAMS, "invalid params: expected an array", RawJson.NULL);
        }
        List<Object> args = new ArrayList<>(parsed == null ? List.of() : (List<?>) parsed);
        if (blockIndex >= 0) {
            if (args.size() == blockIndex && OPTIONAL_BLOCK.contains(method)) {
                args.add("latest");
            }
            if (args.size() > blockIndex) {
                args.set(blockIndex, translateBlockParameter(args.get(blockIndex)));
            }
        } else if ("eth_getLogs".equals(method) && !args.isEmpty() && args.get(0) instanceof Map<?, ?> filter
                && !filter.containsKey("blockHash")) {
            Map<Object, Object> f = new LinkedHashMap<>(filter);
            for (String key : List.of("fromBlock", "toBlock")) {
                f.put(key, translate(f.containsKey(key) ? f.get(key) : "latest"));
            }
            args.set(0, f);
        }
        try {
            RpcReply reply = rpc.batch(List.of(new RpcCall(method, args))).get(0);
            if (reply instanceof RpcReply.Failure f) {
                return new RpcOutcome.Failure(f.code(), f.message(), f.data() == null ? RawJson.NULL : RawJson.of(f.data()));
            }
            return new RpcOutcome.Success(RawJson.of(((RpcReply.Result) reply).value()));
        } catch (IOException e) {
            return new RpcOutcome.Failure(INTERNAL_ERROR, "execution engine unavailable: " + e.getMessage(), RawJson.NULL);
        }
    }

    /** A tag or number as a string, or an EIP-1898 object whose {@code blockNumber} is translated. */
    private Object translateBlockParameter(Object value) {
        if (value instanceof Map<?, ?> m && m.get("blockNumber") != null) {
            Map<Object, Object> copy = new LinkedHashMap<>(m);
            copy.put("blockNumber", translate(m.get("blockNumber")));
            return copy;
        }
        return translate(value);
    }

    private Object translate(Object value) {
        if (!(value instanceof String s)) {
            return value;
        }
        String pinned = "latest".equals(s) ? Quantity.hex(head.getAsLong()) : s;
        String out = hook.translate(pinned);
        return out == null ? pinned : out;
    }
}
