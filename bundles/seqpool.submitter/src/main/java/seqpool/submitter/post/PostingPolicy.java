package seqpool.submitter.post;

import java.math.BigInteger;

/**
 * How the poster waits and pays: the fallback delay per rank ({@code submitTimeoutMs}), how long a sent transaction may
 * stay unmined before its fees are bumped ({@code bumpAfterMs}), the gas margin over the estimate, and the bump
 * factors: execution fees by 5/4 (above the 10 % that L1 nodes require for a replacement) and the blob fee by 2 (the
 * 100 % that geth requires to replace a blob transaction).
 */
public record PostingPolicy(long submitTimeoutMs, long bumpAfterMs, long pollMs) {
    /** The fee caps of one batch transaction, in wei. */
    public record FeeCaps(BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas, BigInteger maxFeePerBlobGas) {
    }

    public PostingPolicy {
        if (submitTimeoutMs < 0 || bumpAfterMs < 100 || pollMs < 10) {
            throw new IllegalArgumentException("submit timeout >= 0, bump after >= 100 ms, poll >= 10 ms");
        }
    }

    /** The initial fee caps: twice the base fee plus the tip; the blob fee cap twice the blob base fee. */
    public FeeCaps initial(L1Port.Fees now) {
        BigInteger tip = now.priorityFee().max(BigInteger.ONE);
        return new FeeCaps(now.baseFee().shiftLeft(1).add(tip), tip, now.blobBaseFee().shiftLeft(1).max(BigInteger.ONE));
    }

    /** The caps of a replacement: never below the current market, and at least the bump over the previous caps. */
    public FeeCaps bumped(FeeCaps previous, L1Port.Fees now) {
        FeeCaps market = initial(now);
        BigInteger tip = up(previous.maxPriorityFeePerGas()).max(market.maxPriorityFeePerGas());
        BigInteger maxFee = up(previous.maxFeePerGas()).max(market.maxFeePerGas()).max(tip);
        BigInteger blob = previous.maxFeePerBlobGas().shiftLeft(1).max(market.maxFeePerBlobGas());
        return new FeeCaps(maxFee, tip, blob);
    }

    /** {@code x · 5/4}, at least {@code x + 1}. */
    private static BigInteger up(BigInteger x) {
        return x.multiply(BigInteger.valueOf(5)).divide(BigInteger.valueOf(4)).max(x.add(BigInteger.ONE));
    }

    /** The gas limit for an estimate: 20 % margin. */
    public long gasLimit(long estimate) {
        return estimate + estimate / 5 + 10_000;
    }
}
