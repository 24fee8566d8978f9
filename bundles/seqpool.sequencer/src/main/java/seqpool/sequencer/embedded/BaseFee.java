package seqpool.sequencer.embedded;

import java.math.BigInteger;

/**
 * EIP-1559 base fee: the gas target is half the block gas limit; after a block above the target the base fee rises by
 * {@code baseFee × (gasUsed − target) / target / 8} (at least 1 wei), after a block below it falls by
 * {@code baseFee × (target − gasUsed) / target / 8}, and stays the same at the target.
 */
final class BaseFee {
    static final int ELASTICITY_MULTIPLIER = 2;
    static final BigInteger CHANGE_DENOMINATOR = BigInteger.valueOf(8);
    /** The genesis block's base fee (1 gwei), as geth's {@code InitialBaseFee}. */
    static final BigInteger INITIAL = BigInteger.valueOf(1_000_000_000L);

    private BaseFee() {
    }

    /** The base fee of the block after one with these values. */
    static BigInteger next(long parentGasLimit, long parentGasUsed, BigInteger parentBaseFee) {
        long target = parentGasLimit / ELASTICITY_MULTIPLIER;
        if (parentGasUsed == target || target == 0) {
            return parentBaseFee;
        }
        BigInteger t = BigInteger.valueOf(target);
        if (parentGasUsed > target) {
            BigInteger delta = parentBaseFee.multiply(BigInteger.valueOf(parentGasUsed - target)).divide(t)
                    .divide(CHANGE_DENOMINATOR).max(BigInteger.ONE);
            return parentBaseFee.add(delta);
        }
        BigInteger delta = parentBaseFee.multiply(BigInteger.valueOf(target - parentGasUsed)).divide(t)
                .divide(CHANGE_DENOMINATOR);
        return parentBaseFee.subtract(delta);
    }

    static BigInteger next(BlockInfo parent) {
        return next(parent.gasLimit(), parent.gasUsed(), parent.baseFeePerGas());
    }
}
