package seqpool.sequencer.rpc.dispatch;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import seqpool.sequencer.rpc.BlockSelector;
import seqpool.sequencer.rpc.EthBackend;
import seqpool.sequencer.rpc.EthBackendException;
import seqpool.sequencer.rpc.LogCriteria;
import seqpool.sequencer.rpc.RpcBlock;
import seqpool.sequencer.rpc.json.Json;

/**
 * The method table: each method checks its parameters as its execution-apis schema says ({@code src/eth/*.yaml}),
 * calls the backend and renders the result ({@link EthJson}). {@code eth_feeHistory} and {@code eth_getLogs} live in
 * {@link RangeMethods}.
 */
public final class EthMethods {
    /** One method: parameters and connection in, result out. */
    @FunctionalInterface
    public interface Handler {
        Json call(Params params, RpcSession session) throws RpcException, EthBackendException;
    }

    private final EthBackend backend;
    private final Map<String, Handler> table = new HashMap<>();

    public EthMethods(EthBackend backend, RpcLimits limits) {
        this.backend = backend;
        RangeMethods ranges = new RangeMethods(backend, limits);
        noParams("eth_chainId", () -> EthJson.quantity(backend.chainId()));
        noParams("net_version", () -> Json.str(Long.toUnsignedString(backend.chainId())));
        noParams("web3_clientVersion", () -> Json.str(backend.clientVersion()));
        noParams("eth_blockNumber", () -> EthJson.quantity(backend.blockNumber()));
        noParams("eth_gasPrice", () -> EthJson.quantity(backend.gasPrice()));
        noParams("eth_maxPriorityFeePerGas", () -> EthJson.quantity(backend.maxPriorityFeePerGas()));
        table.put("eth_getBlockByNumber", (p, s) -> {
            p.atMost(2);
            BlockSelector block = p.get(0, v -> Decode.block(v, false, false));
            boolean full = p.bool(1);
            return blockBySelector(block).<Json>map(b -> EthJson.block(b, full)).orElse(Json.NULL);
        });
        table.put("eth_getBlockByHash", (p, s) -> {
            p.atMost(2);
            var hash = p.hash(0);
            boolean full = p.bool(1);
            return backend.blockByHash(hash).<Json>map(b -> EthJson.block(b, full)).orElse(Json.NULL);
        });
        table.put("eth_getTransactionByHash", (p, s) -> {
            p.atMost(1);
            return backend.transactionByHash(p.hash(0)).<Json>map(EthJson::transaction).orElse(Json.NULL);
        });
        table.put("eth_getTransactionReceipt", (p, s) -> {
            p.atMost(1);
            return backend.receipt(p.hash(0)).<Json>map(EthJson::receipt).orElse(Json.NULL);
        });
        table.put("eth_sendRawTransaction", (p, s) -> {
            p.atMost(1);
            return EthJson.hash(backend.sendRawTransaction(p.data(0)));
        });
        table.put("eth_getBalance", (p, s) -> {
            p.atMost(2);
            return EthJson.quantity(backend.balance(p.address(0), p.blockOrTagOrHash(1)));
        });
        table.put("eth_getTransactionCount", (p, s) -> {
            p.atMost(2);
            return EthJson.quantity(backend.transactionCount(p.address(0), p.blockOrTagOrHash(1)));
        });
        table.put("eth_getCode", (p, s) -> {
            p.atMost(2);
            return EthJson.data(backend.code(p.address(0), p.blockOrTagOrHash(1)));
        });
        table.put("eth_getStorageAt", (p, s) -> {
            p.atMost(3);
            return EthJson.data(backend.storageAt(p.address(0), p.get(1, Decode::storageSlot), p.blockOrTagOrHash(2)));
        });
        table.put("eth_call", (p, s) -> {
            p.atMost(2);
            return EthJson.data(backend.call(p.get(0, RequestObjects::call), p.blockOrTagOrHash(1)));
        });
        table.put("eth_estimateGas", (p, s) -> {
            p.atMost(2);
            return EthJson.quantity(backend.estimateGas(p.get(0, RequestObjects::call), p.blockOrTag(1)));
        });
        table.put("eth_feeHistory", ranges::feeHistory);
        table.put("eth_getLogs", ranges::logs);
        table.put("eth_subscribe", EthMethods::subscribe);
        table.put("eth_unsubscribe", (p, s) -> {
            requireNotifications(s);
            p.atMost(1);
            return Json.bool(s.unsubscribe(p.get(0, v -> Decode.string(v, "a subscription id"))));
        });
    }

    public Optional<Handler> find(String method) {
        return Optional.ofNullable(table.get(method));
    }

    public Set<String> names() {
        return Set.copyOf(table.keySet());
    }

    /** The block a number or tag names; a tag that names nothing yet ({@code safe}, {@code finalized}) is an error. */
    private Optional<RpcBlock> blockBySelector(BlockSelector block) throws EthBackendException {
        if (block instanceof BlockSelector.ByNumber n) {
            return backend.blockByNumber(n.number());
        }
        OptionalLong number = backend.resolveBlockNumber(block);
        if (number.isEmpty()) {
            throw EthBackendException.blockNotFound(block);
        }
        return backend.blockByNumber(number.getAsLong());
    }

    private static Json subscribe(Params p, RpcSession s) throws RpcException {
        requireNotifications(s);
        p.atMost(2);
        String kind = p.get(0, v -> Decode.string(v, "a subscription type"));
        Subscription sub;
        switch (kind) {
            case "newHeads" -> {
                p.atMost(1);
                sub = new Subscription.NewHeads();
            }
            case "logs" -> {
                LogCriteria criteria = p.optional(1, RequestObjects::subscriptionCriteria, LogCriteria.ANY);
                sub = new Subscription.Logs(criteria);
            }
            default -> throw Params.invalid(0, "unsupported subscription type \""
                    + (kind.length() > 32 ? kind.substring(0, 32) + "..." : kind) + "\" (newHeads, logs)");
        }
        return Json.str(s.subscribe(sub));
    }

    private static void requireNotifications(RpcSession s) throws RpcException {
        if (!s.supportsSubscriptions()) {
            throw new RpcException(RpcError.METHOD_NOT_FOUND, "notifications not supported");
        }
    }

    private interface Value {
        Json get() throws EthBackendException;
    }

    private void noParams(String name, Value value) {
        table.put(name, (p, s) -> {
            p.atMost(0);
            return value.get();
        });
    }
}
