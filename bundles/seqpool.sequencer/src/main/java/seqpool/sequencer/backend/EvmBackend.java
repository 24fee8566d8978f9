package seqpool.sequencer.backend;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.sequencer.L2Chain;
import seqpool.sequencer.evm.AnvilEngine;
import seqpool.sequencer.evm.AnvilForwarder;
import seqpool.sequencer.evm.BlockTagHook;
import seqpool.sequencer.evm.RawJson;
import seqpool.sequencer.evm.RpcOutcome;
import seqpool.sequencer.rpc.BlockSelector;
import seqpool.sequencer.rpc.CallRequest;
import seqpool.sequencer.rpc.EthBackendException;
import seqpool.sequencer.rpc.FeeHistory;
import seqpool.sequencer.rpc.LogFilter;
import seqpool.sequencer.rpc.RpcBlock;
import seqpool.sequencer.rpc.RpcLog;
import seqpool.sequencer.rpc.RpcReceipt;
import seqpool.sequencer.rpc.RpcTransaction;

/**
 * JSON-RPC reads over the node's anvil (the EVM engine): each read is one forwarded request, pinned to the engine's
 * head (so a client never sees the block being replayed), its answer read into the server's records. Writes never
 * reach anvil: transactions go to the node's mempool. anvil's errors (a revert with its data, an unknown block) pass
 * through with their codes.
 */
public final class EvmBackend extends BackendBase {
    private final AnvilEngine engine;
    private final AnvilForwarder anvil;

    public EvmBackend(AnvilEngine engine, L2Chain chain, Submitter submitter, long firstBlock) {
        super(engine.settings().chainId(), chain, submitter, firstBlock);
        this.engine = engine;
        this.anvil = engine.forwarder(BlockTagHook.identity());
    }

    @Override
    long executedHead() {
        return engine.headNumber();
    }

    private Object ask(String method, Object... params) throws EthBackendException {
        RpcOutcome r = anvil.forward(method, RawJsonOf.list(params));
        if (r instanceof RpcOutcome.Failure f) {
            Object data = f.data().parse();
            throw data instanceof String s && s.startsWith("0x") && f.code() == 3
                    ? EthBackendException.reverted(Bytes.fromHex(s))
                    : new EthBackendException(f.code(), f.message());
        }
        return ((RpcOutcome.Success) r).result().parse();
    }

    private Optional<Object> read(String method, Object... params) {
        try {
            return Optional.ofNullable(ask(method, params));
        } catch (EthBackendException e) {
            return Optional.empty();
        }
    }

    private static String q(long n) {
        return "0x" + Long.toHexString(n);
    }

    @Override
    public Optional<RpcBlock> blockByNumber(long number) {
        if (number > blockNumber()) {
            return Optional.empty();
        }
        return read("eth_getBlockByNumber", q(number), true).map(o -> AnvilRecords.block((Map<?, ?>) o));
    }

    @Override
    public Optional<RpcBlock> blockByHash(Hash32 hash) {
        return read("eth_getBlockByHash", "0x" + hash.value().toHex(), true).map(o -> AnvilRecords.block((Map<?, ?>) o))
                .filter(b -> b.number() <= blockNumber());
    }

    @Override
    public Optional<RpcTransaction> transactionByHash(Hash32 hash) {
        return read("eth_getTransactionByHash", "0x" + hash.value().toHex())
                .map(o -> AnvilRecords.transaction((Map<?, ?>) o))
                .filter(t -> t.inclusion() == null || t.inclusion().blockNumber() <= blockNumber());
    }

    @Override
    public Optional<RpcReceipt> receipt(Hash32 transactionHash) {
        return read("eth_getTransactionReceipt", "0x" + transactionHash.value().toHex())
                .map(o -> AnvilRecords.receipt((Map<?, ?>) o)).filter(r -> r.blockNumber() <= blockNumber());
    }

    @Override
    public BigInteger balance(Address account, BlockSelector block) throws EthBackendException {
        return quantity(ask("eth_getBalance", account.toHex(), q(require(block))));
    }

    @Override
    public long transactionCount(Address account, BlockSelector block) throws EthBackendException {
        return nonce(account, block,
                quantity(ask("eth_getTransactionCount", account.toHex(), q(require(block)))).longValueExact());
    }

    @Override
    public Bytes code(Address account, BlockSelector block) throws EthBackendException {
        return Bytes.fromHex((String) ask("eth_getCode", account.toHex(), q(require(block))));
    }

    @Override
    public Bytes storageAt(Address account, Bytes slot, BlockSelector block) throws EthBackendException {
        return Bytes.fromHex((String) ask("eth_getStorageAt", account.toHex(), "0x" + slot.toHex(), q(require(block))));
    }

    @Override
    public Bytes call(CallRequest call, BlockSelector block) throws EthBackendException {
        return Bytes.fromHex((String) ask("eth_call", callObject(call), q(require(block))));
    }

    @Override
    public long estimateGas(CallRequest call, BlockSelector block) throws EthBackendException {
        return quantity(ask("eth_estimateGas", callObject(call), q(require(block)))).longValueExact();
    }

    @Override
    public BigInteger gasPrice() {
        return read("eth_gasPrice").map(EvmBackend::quantity).orElse(BigInteger.ZERO);
    }

    @Override
    public BigInteger maxPriorityFeePerGas() {
        return read("eth_maxPriorityFeePerGas").map(EvmBackend::quantity).orElse(BigInteger.ZERO);
    }

    @Override
    public FeeHistory feeHistory(long oldestBlock, long newestBlock, List<Double> rewardPercentiles)
            throws EthBackendException {
        Map<?, ?> m = (Map<?, ?>) ask("eth_feeHistory", q(newestBlock - oldestBlock + 1), q(newestBlock),
                rewardPercentiles);
        List<BigInteger> base = new ArrayList<>();
        for (Object o : (List<?>) m.get("baseFeePerGas")) {
            base.add(quantity(o));
        }
        List<Double> ratio = new ArrayList<>();
        for (Object o : (List<?>) m.get("gasUsedRatio")) {
            ratio.add(((Number) o).doubleValue());
        }
        List<List<BigInteger>> reward = null;
        if (m.get("reward") instanceof List<?> rows && !rewardPercentiles.isEmpty()) {
            reward = new ArrayList<>();
            for (Object row : rows) {
                List<BigInteger> r = new ArrayList<>();
                for (Object o : (List<?>) row) {
                    r.add(quantity(o));
                }
                reward.add(r);
            }
        }
        if (base.size() > ratio.size() + 1) { // anvil may add blocks beyond the pinned head's next one
            base = base.subList(0, ratio.size() + 1);
        }
        return new FeeHistory(AnvilRecords.big(m, "oldestBlock").longValueExact(), base, ratio, reward);
    }

    @Override
    public List<RpcLog> logs(LogFilter filter, int limit) throws EthBackendException {
        Map<String, Object> f = new LinkedHashMap<>();
        if (filter.blockHash() != null) {
            f.put("blockHash", "0x" + filter.blockHash().value().toHex());
        } else {
            f.put("fromBlock", q(filter.fromBlock()));
            f.put("toBlock", q(Math.min(filter.toBlock(), blockNumber())));
        }
        if (!filter.criteria().addresses().isEmpty()) {
            f.put("address", filter.criteria().addresses().stream().map(Address::toHex).toList());
        }
        List<Object> topics = new ArrayList<>();
        for (List<Hash32> t : filter.criteria().topics()) {
            topics.add(t.isEmpty() ? null : t.stream().map(h -> "0x" + h.value().toHex()).toList());
        }
        if (!topics.isEmpty()) {
            f.put("topics", topics);
        }
        List<RpcLog> out = new ArrayList<>();
        for (Object o : (List<?>) ask("eth_getLogs", f)) {
            if (out.size() >= limit) {
                break;
            }
            out.add(AnvilRecords.log((Map<?, ?>) o));
        }
        return out;
    }

    private static Map<String, Object> callObject(CallRequest c) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (c.from() != null) {
            m.put("from", c.from().toHex());
        }
        if (c.to() != null) {
            m.put("to", c.to().toHex());
        }
        if (c.gas() != null) {
            m.put("gas", q(c.gas()));
        }
        put(m, "gasPrice", c.gasPrice());
        put(m, "maxFeePerGas", c.maxFeePerGas());
        put(m, "maxPriorityFeePerGas", c.maxPriorityFeePerGas());
        put(m, "value", c.value());
        if (c.input() != null) {
            m.put("input", "0x" + c.input().toHex());
        }
        if (c.nonce() != null) {
            m.put("nonce", q(c.nonce()));
        }
        return m;
    }

    private static void put(Map<String, Object> m, String key, BigInteger v) {
        if (v != null) {
            m.put(key, "0x" + v.toString(16));
        }
    }

    private static BigInteger quantity(Object o) {
        String s = (String) o;
        return s.length() == 2 ? BigInteger.ZERO : new BigInteger(s.substring(2), 16);
    }

    /** Request parameters as JSON text. */
    static final class RawJsonOf {
        private RawJsonOf() {
        }

        static RawJson list(Object... params) {
            return RawJson.of(java.util.Arrays.asList(params));
        }
    }
}
