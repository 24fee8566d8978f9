package seqpool.sequencer.host;

import seqpool.sequencer.chain.BodyRule;
import seqpool.sequencer.chain.ChainParams;
import seqpool.sequencer.node.NodeSettings;
import seqpool.sequencer.wire.WireLimits;

/**
 * The host's settings: the node's, the block time, the status (head announcement) interval and the most messages
 * that may wait for the sequencer thread (beyond that, inbound messages are dropped, not queued without bound).
 */
public record HostSettings(NodeSettings node, long blockTimeMs, long statusIntervalMs, int maxQueuedMessages) {
    public static final long STATUS_INTERVAL_MS = 1_000;
    public static final int MAX_QUEUED_MESSAGES = 10_000;

    public HostSettings {
        if (node == null) {
            throw new IllegalArgumentException("node settings are required");
        }
        if (blockTimeMs < 50 || blockTimeMs > 60_000) {
            throw new IllegalArgumentException("blockTimeMs must be 50..60000, got " + blockTimeMs);
        }
        if (statusIntervalMs < 10 || maxQueuedMessages < 1) {
            throw new IllegalArgumentException("statusIntervalMs must be >= 10 and maxQueuedMessages >= 1");
        }
    }

    /** From the component's configuration; throws IllegalArgumentException naming the bad key. */
    public static HostSettings from(SequencerConfig c) {
        ChainParams chain = new ChainParams(c.chainId(), c.genesisL2Block(), ChainParams.DEFAULT_MAX_CLOCK_DRIFT_MS);
        NodeSettings node = new NodeSettings(chain, "none".equals(c.engine()) ? BodyRule.EMPTY_BLOCKS : BodyRule.EXECUTED, c.maxFutureBlocks(), c.syncBatch(),
                2 * STATUS_INTERVAL_MS, WireLimits.DEFAULT);
        return new HostSettings(node, c.blockTimeMs(), STATUS_INTERVAL_MS, MAX_QUEUED_MESSAGES);
    }
}
