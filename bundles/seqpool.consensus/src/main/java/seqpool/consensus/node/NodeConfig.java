package seqpool.consensus.node;

import seqpool.consensus.wire.SigningDigests;
import seqpool.consensus.wire.WireLimits;

/**
 * Engine settings: timeouts (base + delta × round, ms, per step), block limits, gossip interval, the round window
 * (messages for rounds above round_p + window are dropped), the transaction fan-out (a submitted transaction is
 * forwarded to the proposers of the next {@code txForwardProposers} heights, or to every validator when it is 0) and
 * the commit pause: the proposer of round 0 builds its block {@code commitPauseMs} after the height started (CometBFT's
 * timeout_commit), which paces an idle chain; it must stay below the propose timeout.
 * Immutable; validated.
 */
public record NodeConfig(SigningDigests digests, long proposeBaseMs, long proposeDeltaMs, long prevoteBaseMs,
        long prevoteDeltaMs, long precommitBaseMs, long precommitDeltaMs, int maxBlockTxs, int maxBlockBytes,
        long gossipIntervalMs, int roundWindow, int mempoolMaxTxs, int txForwardProposers, WireLimits limits, long commitPauseMs) {

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
        if (commitPauseMs < 0 || commitPauseMs >= proposeBaseMs) {
            throw new IllegalArgumentException("commitPauseMs must be >= 0 and below the propose timeout, got "
                    + commitPauseMs);
        }
        if (txForwardProposers < 0) {
            throw new IllegalArgumentException("txForwardProposers must be >= 0 (0: forward to every validator)");
        }
    }

    public static NodeConfig defaults(SigningDigests digests) {
        return new NodeConfig(digests, 1000, 500, 500, 250, 500, 250, 5000, 4 << 20, 500, 256, 100_000, 3, WireLimits.DEFAULT, 0);
    }

    public NodeConfig withTimeouts(long propose, long prevote, long precommit, long delta) {
        return new NodeConfig(digests, propose, delta, prevote, delta, precommit, delta, maxBlockTxs, maxBlockBytes,
                gossipIntervalMs, roundWindow, mempoolMaxTxs, txForwardProposers, limits, commitPauseMs);
    }

    public NodeConfig withGossipInterval(long ms) {
        return new NodeConfig(digests, proposeBaseMs, proposeDeltaMs, prevoteBaseMs, prevoteDeltaMs, precommitBaseMs,
                precommitDeltaMs, maxBlockTxs, maxBlockBytes, ms, roundWindow, mempoolMaxTxs, txForwardProposers, limits, commitPauseMs);
    }

    public NodeConfig withBlockLimits(int txs, int bytes) {
        return new NodeConfig(digests, proposeBaseMs, proposeDeltaMs, prevoteBaseMs, prevoteDeltaMs, precommitBaseMs,
                precommitDeltaMs, txs, bytes, gossipIntervalMs, roundWindow, mempoolMaxTxs, txForwardProposers, limits, commitPauseMs);
    }

    public NodeConfig withCommitPause(long ms) {
        return new NodeConfig(digests, proposeBaseMs, proposeDeltaMs, prevoteBaseMs, prevoteDeltaMs, precommitBaseMs,
                precommitDeltaMs, maxBlockTxs, maxBlockBytes, gossipIntervalMs, roundWindow, mempoolMaxTxs,
                txForwardProposers, limits, ms);
    }

    public NodeConfig withTxForwardProposers(int proposers) {
        return new NodeConfig(digests, proposeBaseMs, proposeDeltaMs, prevoteBaseMs, prevoteDeltaMs, precommitBaseMs,
                precommitDeltaMs, maxBlockTxs, maxBlockBytes, gossipIntervalMs, roundWindow, mempoolMaxTxs, proposers, limits, commitPauseMs);
    }
}
