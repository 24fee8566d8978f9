package seqpool.submitter.fee;

import java.math.BigInteger;

import seqpool.api.submitter.DataCommitment;

/**
 * The data kind {@link DataFeeRule} picked, with what each kind would cost in wei for the data ({@code null} for a
 * kind that cannot carry it) and the data gas / blob count behind the figures.
 */
public record DataChoice(DataCommitment.Kind kind, BigInteger calldataCostWei, BigInteger blobCostWei,
        long calldataGas, int blobs, String reason) {
}
