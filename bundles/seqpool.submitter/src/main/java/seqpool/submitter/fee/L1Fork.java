package seqpool.submitter.fee;

import java.util.Locale;

/**
 * The L1 fork parameters the batch rules depend on: the most blobs one transaction may carry, and how calldata is
 * priced. Cancun: 6 blobs (EIP-4844), calldata 16 gas per non-zero byte and 4 per zero byte (EIP-2028). Prague: 9
 * blobs (EIP-7691), and the EIP-7623 floor of 10 gas per calldata token (token = zero byte + 4 × non-zero byte, so
 * 40 per non-zero and 10 per zero byte) whenever it exceeds the standard cost plus execution gas.
 */
public record L1Fork(String name, int maxBlobsPerTx, boolean calldataFloor) {
    public static final L1Fork CANCUN = new L1Fork("cancun", 6, false);
    public static final L1Fork PRAGUE = new L1Fork("prague", 9, true);

    public L1Fork {
        if (name == null || name.isBlank() || maxBlobsPerTx < 1) {
            throw new IllegalArgumentException("a fork has a name and allows at least one blob per transaction");
        }
    }

    /** {@code cancun} or {@code prague}; {@code maxBlobsOverride > 0} replaces the fork's blob limit. */
    public static L1Fork of(String name, int maxBlobsOverride) {
        L1Fork base = switch (name.toLowerCase(Locale.ROOT)) {
            case "cancun" -> CANCUN;
            case "prague" -> PRAGUE;
            default -> throw new IllegalArgumentException("unknown L1 fork '" + name + "' (cancun, prague)");
        };
        return maxBlobsOverride > 0 ? new L1Fork(base.name, maxBlobsOverride, base.calldataFloor) : base;
    }
}
