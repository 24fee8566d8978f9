package seqpool.sequencer.evm;

import java.math.BigInteger;

/**
 * EIP-1559's base fee of a block from its parent's (elasticity 2, change denominator 8), as geth's
 * {@code CalcBaseFee} and anvil compute it. Pure.
 */
final class BaseFee {
    private static final BigInteger DENOMINATOR = BigInteger.valueOf(8);

    private BaseFee() {
    }

    static BigInteger next(BigInteger parentBaseFee, long parentGasUsed, long parentGasLimit) {
        long target = parentGasLimit / 2;
        if (target == 0 || parentGasUsed == target) {
            return parentBaseFee;
        }
        BigInteger t = BigInteger.valueOf(target);
        if (parentGasUsed > target) {
            BigInteger delta = parentBaseFee.multiply(BigInteger.valueOf(parentGasUsed - target)).divide(t)
                    .divide(DENOMINATOR).max(BigInteger.ONE);
            return parentBaseFee.add(delta);
        }
        BigInteger delta = parentBaseFee.multiply(BigInteger.valueOf(target - parentGasUsed)).divide(t)
                .divide(DENOMINATOR);
        return parentBaseFee.subtract(delta);
    }
}
