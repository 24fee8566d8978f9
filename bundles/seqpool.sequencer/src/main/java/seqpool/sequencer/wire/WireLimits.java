package seqpool.sequencer.wire;

/**
 * Bounds on what a decoder accepts: the whole message, transactions per block, bytes per transaction, blocks per
 * request/response. l2/1 blocks are empty, but the limits already cover the transactions a later version carries.
 */
public record WireLimits(int maxMessageBytes, int maxBlockTxs, int maxTxBytes, int maxBlocksPerMessage) {
    public static final WireLimits DEFAULT = new WireLimits(8 << 20, 20_000, 128 << 10, 1_024);

    public WireLimits {
        if (maxMessageBytes < 1024 || maxBlockTxs < 0 || maxTxBytes < 1 || maxBlocksPerMessage < 1) {
            throw new IllegalArgumentException("invalid l2 wire limits");
        }
    }

    /** The same limits with a smaller message bound (e.g. the transport's largest payload). */
    public WireLimits capMessageBytes(int max) {
        return new WireLimits(Math.max(1024, Math.min(maxMessageBytes, max)), maxBlockTxs, maxTxBytes,
                maxBlocksPerMessage);
    }
}
