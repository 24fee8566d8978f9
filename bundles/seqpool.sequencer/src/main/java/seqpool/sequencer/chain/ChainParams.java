package seqpool.sequencer.chain;

/**
 * Fixed parameters of the L2 chain: its chain id (bound into every header hash), the number of the first real block
 * (its parent is the implicit genesis with hash zero) and how far in the future a block's timestamp may lie.
 */
public record ChainParams(long chainId, long genesisL2Block, long maxClockDriftMs) {
    /** How far ahead of the follower's clock a block's timestamp may be. */
    public static final long DEFAULT_MAX_CLOCK_DRIFT_MS = 2_000;

    public ChainParams {
        if (chainId <= 0) {
            throw new IllegalArgumentException("chainId must be > 0, got " + chainId);
        }
        if (genesisL2Block < 1) {
            throw new IllegalArgumentException("genesisL2Block must be >= 1, got " + genesisL2Block);
        }
        if (maxClockDriftMs < 0) {
            throw new IllegalArgumentException("maxClockDriftMs must be >= 0, got " + maxClockDriftMs);
        }
    }

    public HeadRef genesisHead() {
        return HeadRef.genesis(genesisL2Block);
    }
}
