package seqpool.submitter.fee;

import java.math.BigInteger;

import seqpool.api.common.Bytes;
import seqpool.api.submitter.DataCommitment;
import seqpool.submitter.blob.BlobPacking;

/**
 * The fee rule (docs/batches.md): post the batch data as blobs or as calldata, whichever costs less at the current L1
 * fees. Only what differs between the two transactions is compared (both pay 21,000 gas and the execution of
 * {@code appendBatch}):
 *
 * <pre>
 * blob cost     = blobs × 131,072 × blobBaseFee
 * calldata cost = calldataGas(data) × (baseFee + priorityFee)
 * calldataGas   = 4 × tokens                                  (Cancun: 16 per non-zero, 4 per zero byte)
 *               = max(4 × tokens, 10 × tokens − executionGas)  (Prague, EIP-7623 floor)
 * tokens        = zeroBytes + 4 × nonZeroBytes of the ABI-encoded data (the batch data padded to 32 bytes)
 * </pre>
 *
 * Calldata gas is execution gas, so it also pays the tip; blob gas pays no tip. Under Prague the floor applies to the
 * whole transaction: it costs {@code max(21000 + 4·tokens + executionGas, 21000 + 10·tokens)}, so the data adds
 * {@code max(4·tokens, 10·tokens − executionGas)} over a transaction without it ({@code executionGas}: appendBatch's
 * own gas, configured). On a tie calldata is chosen: blobs must be strictly cheaper. Calldata is out when the data exceeds
 * {@code maxCalldataBytes} (L1 nodes drop transactions over 128 KiB), blobs when the data needs more than the fork's
 * blobs per transaction. Pure.
 */
public final class DataFeeRule {
    public static final long BLOB_GAS_PER_BLOB = 131_072;
    static final int ZERO_TOKENS = 1;
    static final int NON_ZERO_TOKENS = 4;
    static final int STANDARD_GAS_PER_TOKEN = 4;
    static final int FLOOR_GAS_PER_TOKEN = 10;

    private final L1Fork fork;
    private final int maxCalldataBytes;
    private final long executionGas;

    public DataFeeRule(L1Fork fork, int maxCalldataBytes, long executionGas) {
        if (maxCalldataBytes < 0 || executionGas < 0) {
            throw new IllegalArgumentException("limits are non-negative");
        }
        this.fork = fork;
        this.maxCalldataBytes = maxCalldataBytes;
        this.executionGas = executionGas;
    }

    public L1Fork fork() {
        return fork;
    }

    public DataChoice choose(L1Fees fees, Bytes data) {
        int zeros = 0;
        for (int i = 0; i < data.size(); i++) {
            if (data.get(i) == 0) {
                zeros++;
            }
        }
        return choose(fees, data.size(), zeros, BlobPacking.blobsFor(data.size()));
    }

    /**
     * @param dataBytes size of the batch data
     * @param zeroBytes how many of them are zero
     * @param blobs how many blobs the data needs
     */
    public DataChoice choose(L1Fees fees, int dataBytes, int zeroBytes, int blobs) {
        if (dataBytes < 0 || zeroBytes < 0 || zeroBytes > dataBytes || blobs < 1) {
            throw new IllegalArgumentException("data " + dataBytes + " bytes, " + zeroBytes + " zero, " + blobs
                    + " blobs");
        }
        long gas = calldataGas(dataBytes, zeroBytes);
        boolean calldataFits = dataBytes <= maxCalldataBytes;
        boolean blobsFit = blobs <= fork.maxBlobsPerTx();
        BigInteger calldataCost = calldataFits
                ? BigInteger.valueOf(gas).multiply(fees.baseFee().add(fees.priorityFee())) : null;
        BigInteger blobCost = blobsFit
                ? BigInteger.valueOf(blobs).multiply(BigInteger.valueOf(BLOB_GAS_PER_BLOB)).multiply(fees.blobBaseFee())
                : null;
        if (!calldataFits && !blobsFit) {
            throw new IllegalArgumentException(dataBytes + " bytes fit neither calldata (max " + maxCalldataBytes
                    + ") nor " + fork.maxBlobsPerTx() + " blobs (" + fork.name() + ")");
        }
        if (!calldataFits) {
            return new DataChoice(DataCommitment.Kind.BLOB, null, blobCost, gas, blobs,
                    "calldata over " + maxCalldataBytes + " bytes");
        }
        if (!blobsFit) {
            return new DataChoice(DataCommitment.Kind.CALLDATA, calldataCost, null, gas, blobs,
                    blobs + " blobs over the " + fork.name() + " limit of " + fork.maxBlobsPerTx());
        }
        boolean blobCheaper = blobCost.compareTo(calldataCost) < 0;
        return new DataChoice(blobCheaper ? DataCommitment.Kind.BLOB : DataCommitment.Kind.CALLDATA, calldataCost,
                blobCost, gas, blobs, blobCheaper ? "blobs cheaper" : "calldata not dearer");
    }

    /** The calldata gas {@code data} adds to the batch transaction (see the class comment), ABI padding included. */
    public long calldataGas(int dataBytes, int zeroBytes) {
        long padding = (32 - dataBytes % 32) % 32;
        long tokens = (zeroBytes + padding) * ZERO_TOKENS + (long) (dataBytes - zeroBytes) * NON_ZERO_TOKENS;
        long standard = STANDARD_GAS_PER_TOKEN * tokens;
        return fork.calldataFloor() ? Math.max(standard, FLOOR_GAS_PER_TOKEN * tokens - executionGas) : standard;
    }
}
