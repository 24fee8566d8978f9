package seqpool.sequencer.rpc;

import java.math.BigInteger;
import java.util.List;

/**
 * The answer to {@code eth_feeHistory} for blocks {@code oldestBlock .. oldestBlock + n - 1}: n + 1 base fees (the
 * last one is the next block's), n gas-used ratios and, when percentiles were asked for, n reward rows with one
 * effective priority fee per percentile ({@code reward} is null when no percentiles were asked for).
 */
public record FeeHistory(long oldestBlock, List<BigInteger> baseFeePerGas, List<Double> gasUsedRatio,
        List<List<BigInteger>> reward) {
    public FeeHistory {
        if (oldestBlock < 0 || baseFeePerGas == null || gasUsedRatio == null) {
            throw new IllegalArgumentException("invalid fee history");
        }
        if (baseFeePerGas.size() != gasUsedRatio.size() + 1 || reward != null && reward.size() != gasUsedRatio.size()) {
            throw new IllegalArgumentException("fee history needs n + 1 base fees and n ratios (and n reward rows), got "
                    + baseFeePerGas.size() + "/" + gasUsedRatio.size() + "/" + (reward == null ? "-" : reward.size()));
        }
        baseFeePerGas = List.copyOf(baseFeePerGas);
        gasUsedRatio = List.copyOf(gasUsedRatio);
        reward = reward == null ? null : reward.stream().map(List::copyOf).toList();
    }
}
