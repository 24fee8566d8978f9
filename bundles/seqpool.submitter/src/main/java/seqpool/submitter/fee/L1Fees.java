package seqpool.submitter.fee;

import java.math.BigInteger;

/**
 * L1 fees as {@code eth_feeHistory} / the latest block report them, in wei: {@code baseFee} per execution gas,
 * {@code blobBaseFee} per blob gas, and the {@code priorityFee} (tip) the submitter offers per execution gas.
 */
public record L1Fees(BigInteger baseFee, BigInteger blobBaseFee, BigInteger priorityFee) {
    public L1Fees {
        if (baseFee == null || blobBaseFee == null || priorityFee == null || baseFee.signum() < 0
                || blobBaseFee.signum() < 0 || priorityFee.signum() < 0) {
            throw new IllegalArgumentException("fees are non-negative wei amounts");
        }
    }

    public static L1Fees ofWei(long baseFee, long blobBaseFee, long priorityFee) {
        return new L1Fees(BigInteger.valueOf(baseFee), BigInteger.valueOf(blobBaseFee), BigInteger.valueOf(priorityFee));
    }
}
