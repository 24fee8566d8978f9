package seqpool.sequencer.rpc.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import seqpool.sequencer.rpc.BlockSelector;
import seqpool.sequencer.rpc.BlockTag;
import seqpool.sequencer.rpc.EthBackend;
import seqpool.sequencer.rpc.EthBackendException;
import seqpool.sequencer.rpc.FeeHistory;
import seqpool.sequencer.rpc.LogFilter;
import seqpool.sequencer.rpc.RpcLog;
import seqpool.sequencer.rpc.json.Json;

/** The methods over block ranges, where the server resolves and bounds the range before the backend sees it. */
final class RangeMethods {
    static final int MAX_PERCENTILES = 100;

    private final EthBackend backend;
    private final RpcLimits limits;

    RangeMethods(EthBackend backend, RpcLimits limits) {
        this.backend = backend;
        this.limits = limits;
    }

    /** {@code eth_feeHistory(blockCount, newestBlock, rewardPercentiles)}; the range is clipped to what exists. */
    Json feeHistory(Params p, RpcSession s) throws RpcException, EthBackendException {
        p.atMost(3);
        long count = p.get(0, Decode::uint63);
        BlockSelector newestSelector = p.get(1, v -> Decode.block(v, false, false));
        List<Double> percentiles = p.optional(2, RangeMethods::percentiles, List.of());
        if (count == 0) {
            return Json.obj().put("oldestBlock", EthJson.quantity(0)).put("baseFeePerGas", Json.arr(List.of()))
                    .put("gasUsedRatio", Json.arr(List.of())).build();
        }
        long newest = resolve(newestSelector);
        long earliest = backend.resolveBlockNumber(new BlockSelector.Tagged(BlockTag.EARLIEST)).orElse(0);
        long n = Math.min(Math.min(count, limits.maxFeeHistoryBlocks()), Math.max(1, newest - earliest + 1));
        FeeHistory history = backend.feeHistory(newest - n + 1, newest, percentiles);
        return EthJson.feeHistory(history);
    }

    /** {@code eth_getLogs(filter)}. */
    Json logs(Params p, RpcSession s) throws RpcException, EthBackendException {
        p.atMost(1);
        RequestObjects.FilterRequest f = p.get(0, RequestObjects::filter);
        LogFilter filter;
        if (f.blockHash() != null) {
            OptionalLong n = backend.resolveBlockNumber(new BlockSelector.ByHash(f.blockHash()));
            if (n.isEmpty()) {
                throw new EthBackendException(EthBackendException.TX_REJECTED, "unknown block");
            }
            filter = new LogFilter(n.getAsLong(), n.getAsLong(), f.blockHash(), f.criteria());
        } else {
            long head = backend.blockNumber();
            long from = rangeEnd(f.fromBlock());
            long to = rangeEnd(f.toBlock());
            if (from > to) {
                throw RpcException.invalidParams("invalid block range params");
            }
            if (to > head) {
                throw RpcException.invalidParams("block range extends beyond current head block");
            }
            if (to - from + 1 > limits.maxLogBlockRange()) {
                throw new RpcException(RpcError.LIMIT_EXCEEDED, "block range too large: " + (to - from + 1)
                        + " blocks, at most " + limits.maxLogBlockRange());
            }
            filter = new LogFilter(from, to, null, f.criteria());
        }
        List<RpcLog> logs = backend.logs(filter, limits.maxLogResults() + 1);
        if (logs.size() > limits.maxLogResults()) {
            throw new RpcException(RpcError.LIMIT_EXCEEDED, "query returned more than " + limits.maxLogResults()
                    + " results");
        }
        List<Json> out = new ArrayList<>(logs.size());
        for (RpcLog l : logs) {
            out.add(EthJson.log(l));
        }
        return Json.arr(out);
    }

    private long rangeEnd(BlockSelector b) throws EthBackendException {
        if (b instanceof BlockSelector.ByNumber n) {
            return n.number();
        }
        return resolve(b);
    }

    private long resolve(BlockSelector b) throws EthBackendException {
        OptionalLong n = backend.resolveBlockNumber(b);
        if (n.isEmpty()) {
            throw EthBackendException.blockNotFound(b);
        }
        return n.getAsLong();
    }

    private static List<Double> percentiles(Json v) throws InvalidValueException {
        if (!(v instanceof Json.Arr arr)) {
            throw new InvalidValueException("reward percentiles must be an array of numbers");
        }
        if (arr.size() > MAX_PERCENTILES) {
            throw new InvalidValueException("too many reward percentiles: " + arr.size() + ", at most "
                    + MAX_PERCENTILES);
        }
        List<Double> out = new ArrayList<>(arr.size());
        double previous = 0;
        for (Json item : arr.items()) {
            if (!(item instanceof Json.Num num)) {
                throw new InvalidValueException("reward percentile must be a number, got " + Decode.kind(item));
            }
            double d = Double.parseDouble(num.text());
            if (!(d >= 0 && d <= 100) || d < previous) {
                throw new InvalidValueException("invalid reward percentile: " + num.text()
                        + " (want ascending values in 0..100)");
            }
            previous = d;
            out.add(d);
        }
        return out;
    }
}
