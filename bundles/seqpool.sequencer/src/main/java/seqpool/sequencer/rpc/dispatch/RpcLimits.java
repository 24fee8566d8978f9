package seqpool.sequencer.rpc.dispatch;

/**
 * Limits that the dispatch enforces per request.
 *
 * @param maxBatch requests in one batch; a longer batch gets one {@code -32600} error
 * @param maxResponseBytes characters of one response; beyond, the call (or the rest of a batch) gets {@code -32005}
 * @param maxLogBlockRange blocks one {@code eth_getLogs} may span
 * @param maxLogResults logs one {@code eth_getLogs} may return
 * @param maxFeeHistoryBlocks blocks one {@code eth_feeHistory} returns at most (more are clipped, as the spec allows)
 * @param maxJsonDepth nesting depth of a request
 */
public record RpcLimits(int maxBatch, int maxResponseBytes, int maxLogBlockRange, int maxLogResults,
        int maxFeeHistoryBlocks, int maxJsonDepth) {
    public static final RpcLimits DEFAULT = new RpcLimits(1000, 16 << 20, 10_000, 10_000, 1024, 64);

    public RpcLimits {
        if (maxBatch < 1 || maxResponseBytes < 1024 || maxLogBlockRange < 1 || maxLogResults < 1
                || maxFeeHistoryBlocks < 1 || maxJsonDepth < 4) {
            throw new IllegalArgumentException("invalid RPC limits");
        }
    }
}
