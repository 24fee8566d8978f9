package seqpool.consensus.node;

import seqpool.consensus.wire.SigningDigests;
import seqpool.consensus.wire.WireLimits;

/**
 * Engine settings: timeouts (base + delta × round, ms, per step), block limits, gossip interval, the round window
 * (messages for rounds above round_p + window are dropped) and the transaction fan-out: a submitted transaction is
 * forwarded to the proposers of the next {@code txForwardProposers} heights, or to every validator when it is 0.
 * Immutable; validated.
 */
public record NodeConfig(SigningDigests digests, long proposeBaseMs, long proposeDeltaMs, long prevoteBaseMs,
        long prevoteDeltaMs, long precommitBaseMs, long precommitDeltaMs, int maxBlockTxs, int maxBlockBytes,
        long gossipIntervalMs, int roundWindow, int mempoolMaxTxs, int txForwardProposers, WireLimits limits) {

    public NodeConfig {
        if (digests == null || limits == null) {
            throw new IllegalArgumentException("digests and limits are required");
        }
        if (proposeBaseMs < 1 || prevoteBaseMs < 1 || precommitBaseMs < 1 || proposeDeltaMs < 0 || prevoteDeltaMs < 0
                || precommitDeltaMs < 0) {
            throw new IllegalArgumentException("timeouts: base must be >= 1 ms and delta >= 0");
        }
        if (maxBlockTxs < 1 || maxBlockTxs > limits.maxBlockTxs() || maxBlockBytes < 1
                || maxBlockBytes > limits.maxMessageBytes() / 2) {
            throw new IllegalArgumentException("block limits must be positive and within the wire limits");
        }
        if (gossipIntervalMs < 1 || roundWindow < 1 || mempoolMaxTxs < 1) {
            throw new IllegalArgumentException("gossip interval, round window and mempool size must be positive");
        }
        if (txForwardProposers < 0) {
            throw new IllegalArgumentException("txForwardProposers must be >= 0 (0: forward to every validator)");
        }
    }

    public static NodeConfig defaults(SigningDigests digests) {
        return new NodeConfig(digests, 1000, 500, 500, 250, 500, 250, 5000, 4 << 20, 500, 256, 100_000, 3, WireLimits.DEFAULT);
    }

    public NodeConfig withTimeouts(long propose, long prevote, long precommit, long delta) {
        return new NodeConfig(digests, propose, delta, prevote, delta, precommit, delta, maxBlockTxs, maxBlockBytes,
                gossipIntervalMs, roundWindow, mempoolMaxTxs, txForwardProposers, limits);
    }

    public NodeConfig withGossipInterval(long ms) {
        return new NodeConfig(digests, proposeBaseMs, proposeDeltaMs, prevoteBaseMs, prevoteDeltaMs, precommitBaseMs,
                precommitDeltaMs, maxBlockTxs, maxBlockBytes, ms, roundWindow, mempoolMaxTxs, txForwardProposers, limits);
    }

    public NodeConfig withBlockLimits(int txs, int bytes) {
        return new NodeConfig(digests, proposeBaseMs, proposeDeltaMs, prevoteBaseMs, prevoteDeltaMs, precommitBaseMs,
                precommitDeltaMs, txs, bytes, gossipIntervalMs, roundWindow, mempoolMaxTxs, txForwardProposers, limits);
    }

    public NodeConfig withTxForwardProposers(int proposers) {
        return new NodeConfig(digests, proposeBaseMs, proposeDeltaMs, prevoteBaseMs, prevoteDeltaMs, precommitBaseMs,
                precommitDeltaMs, maxBlockTxs, maxBlockBytes, gossipIntervalMs, roundWindow, mempoolMaxTxs, proposers, limits);
    }
}
