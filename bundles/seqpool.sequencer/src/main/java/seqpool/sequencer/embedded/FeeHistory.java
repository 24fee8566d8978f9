package seqpool.sequencer.embedded;

import java.math.BigInteger;
import java.util.List;

/**
 * The answer to {@code eth_feeHistory}: from {@code oldestBlock} on, the base fee of each block plus the one after the
 * newest ({@code blocks + 1} values), the ratio of gas used to the gas limit, and per block the priority fee paid at
 * each requested percentile of gas (weighted by gas used, as geth computes it; zeros for an empty block).
 */
public record FeeHistory(long oldestBlock, List<BigInteger> baseFeePerGas, List<Double> gasUsedRatio,
        List<List<BigInteger>> reward) {
    public FeeHistory {
        baseFeePerGas = List.copyOf(baseFeePerGas);
        gasUsedRatio = List.copyOf(gasUsedRatio);
        reward = reward.stream().map(List::copyOf).toList();
    }
}
