package seqpool.sequencer.mempool;

/**
 * Bounds of the mempool: transactions in all, per sender, how far ahead of a sender's account nonce a transaction may
 * be, the largest raw transaction, and the fee bump (percent) a replacement needs.
 */
public record PoolLimits(int maxTransactions, int maxPerSender, int nonceWindow, int maxTxBytes, int replacementBumpPercent) {
    public static final PoolLimits DEFAULT = new PoolLimits(20_000, 64, 64, 128 * 1024, 10);

    public PoolLimits {
        if (maxTransactions < 1 || maxPerSender < 1 || nonceWindow < 1 || maxTxBytes < 1 || replacementBumpPercent < 0) {
            throw new IllegalArgumentException("invalid mempool limits");
        }
    }
}
