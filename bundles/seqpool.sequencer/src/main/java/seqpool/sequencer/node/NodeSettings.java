package seqpool.sequencer.node;

import seqpool.sequencer.chain.BodyRule;
import seqpool.sequencer.chain.ChainParams;
import seqpool.sequencer.wire.WireLimits;

/**
 * The node's settings: chain parameters, the body rule, how many blocks it holds for later (gaps and blocks whose
 * assignment is not committed here yet), how many blocks it asks a peer for at once, and when an unanswered request
 * may be sent again.
 */
public record NodeSettings(ChainParams chain, BodyRule body, int maxFutureBlocks, int syncBatch, long syncTimeoutMs,
        WireLimits limits) {
    public NodeSettings {
        if (chain == null || body == null || limits == null) {
            throw new IllegalArgumentException("chain, body and limits are required");
        }
        if (maxFutureBlocks < 1) {
            throw new IllegalArgumentException("maxFutureBlocks must be >= 1, got " + maxFutureBlocks);
        }
        if (syncBatch < 1 || syncBatch > limits.maxBlocksPerMessage()) {
            throw new IllegalArgumentException("syncBatch must be 1.." + limits.maxBlocksPerMessage() + ", got "
                    + syncBatch);
        }
        if (syncTimeoutMs < 1) {
            throw new IllegalArgumentException("syncTimeoutMs must be >= 1, got " + syncTimeoutMs);
        }
    }
}
