package seqpool.consensus.wire;

/** Decoding limits: whole message, transactions per block, bytes per transaction, evidence per block, votes per certificate. */
public record WireLimits(int maxMessageBytes, int maxBlockTxs, int maxTxBytes, int maxEvidence, int maxValidators) {
    public static final WireLimits DEFAULT = new WireLimits(8 << 20, 20_000, 64 << 10, 64, 1_000);

    public WireLimits {
        if (maxMessageBytes < 1024 || maxBlockTxs < 1 || maxTxBytes < 1 || maxEvidence < 0 || maxValidators < 1) {
            throw new IllegalArgumentException("invalid wire limits");
        }
    }
}
