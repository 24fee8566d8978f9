package seqpool.submitter.fee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import seqpool.api.common.Bytes;
import seqpool.api.submitter.DataCommitment.Kind;
import seqpool.submitter.blob.BlobPacking;

/** The fee rule as a table: fork, fees (gwei), data and the expected kind and figures. */
class DataFeeRuleTest {
    static final long GWEI = 1_000_000_000L;
    static final int MAX_CALLDATA = 120 * 1024;
    static final long EXEC = 40_000;

    static Stream<Arguments> table() {
        return Stream.of(
                // 100 KB of compressed (non-zero) data = 1 blob; Prague calldata = 10 × 400,000 tokens − 40,000
                Arguments.of("prague, cheap blobs", L1Fork.PRAGUE, 10 * GWEI, 1L, 1 * GWEI, 100_000, 0,
                        Kind.BLOB, 3_960_000L),
                Arguments.of("prague, blob fee 30x base fee: still blobs", L1Fork.PRAGUE, 10 * GWEI, 300 * GWEI,
                        1 * GWEI, 100_000, 0, Kind.BLOB, 3_960_000L),
                Arguments.of("prague, blob fee 40x base fee: calldata", L1Fork.PRAGUE, 10 * GWEI, 400 * GWEI,
                        1 * GWEI, 100_000, 0, Kind.CALLDATA, 3_960_000L),
                Arguments.of("cancun, blob fee 14x base fee: calldata (16 gas/byte)", L1Fork.CANCUN, 10 * GWEI,
                        140 * GWEI, 1 * GWEI, 100_000, 0, Kind.CALLDATA, 1_600_000L),
                Arguments.of("cancun, blob fee 12x: blobs", L1Fork.CANCUN, 10 * GWEI, 120 * GWEI, 0L, 100_000, 0,
                        Kind.BLOB, 1_600_000L),
                Arguments.of("small batch, prague: floor minus execution gas", L1Fork.PRAGUE, 10 * GWEI, 10 * GWEI,
                        0L, 2_000, 0, Kind.CALLDATA, 40_160L),
                Arguments.of("tiny batch, prague: standard cost above the floor", L1Fork.PRAGUE, 10 * GWEI, 1L, 0L,
                        320, 0, Kind.BLOB, 5_120L),
                Arguments.of("zero bytes are cheaper", L1Fork.CANCUN, 10 * GWEI, 1000 * GWEI, 0L, 100_000, 50_000,
                        Kind.CALLDATA, 1_000_000L),
                Arguments.of("too big for calldata", L1Fork.PRAGUE, 1L, 1000 * GWEI, 0L, MAX_CALLDATA + 1, 0,
                        Kind.BLOB, 4_875_550L),
                Arguments.of("more blobs than cancun allows", L1Fork.CANCUN, 10 * GWEI, 1L, 0L, 7 * 126_976 - 5,
                        0, Kind.BLOB, -1L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void picks(String name, L1Fork fork, long baseFee, long blobBaseFee, long tip, int bytes, int zeros, Kind kind,
            long gas) {
        DataFeeRule rule = new DataFeeRule(fork, MAX_CALLDATA, EXEC);
        L1Fees fees = L1Fees.ofWei(baseFee, blobBaseFee, tip);
        int blobs = BlobPacking.blobsFor(bytes);
        if (gas < 0) {
            assertThrows(IllegalArgumentException.class, () -> rule.choose(fees, bytes, zeros, blobs), name);
            return;
        }
        DataChoice c = rule.choose(fees, bytes, zeros, blobs);
        assertEquals(kind, c.kind(), name + ": " + c);
        assertEquals(gas, c.calldataGas(), name);
        if (c.calldataCostWei() != null) {
            assertEquals(BigInteger.valueOf(gas).multiply(BigInteger.valueOf(baseFee + tip)), c.calldataCostWei());
        }
        if (c.blobCostWei() != null) {
            assertEquals(BigInteger.valueOf(blobs * 131_072L).multiply(BigInteger.valueOf(blobBaseFee)),
                    c.blobCostWei());
        }
    }

    @Test
    void tiesGoToCalldataAndTheLimitIsTheForks() {
        // 1 blob = 131,072 blob gas; cancun calldata of 32,768 non-zero bytes = 524,288 gas: tie at blob fee 4x
        DataFeeRule cancun = new DataFeeRule(L1Fork.CANCUN, MAX_CALLDATA, EXEC);
        assertEquals(Kind.CALLDATA, cancun.choose(L1Fees.ofWei(GWEI, 4 * GWEI, 0), 32_768, 0, 1).kind());
        assertEquals(Kind.BLOB, cancun.choose(L1Fees.ofWei(GWEI, 4 * GWEI - 1, 0), 32_768, 0, 1).kind());
        // 7 blobs: cancun says calldata (if it fits) ... here it does not fit, so no choice at all
        DataFeeRule prague = new DataFeeRule(L1Fork.PRAGUE, MAX_CALLDATA, EXEC);
        assertEquals(Kind.BLOB, prague.choose(L1Fees.ofWei(GWEI, 1, 0), 7 * 126_976 - 5, 0, 7).kind());
        DataChoice noBlobs = new DataFeeRule(L1Fork.of("prague", 1), MAX_CALLDATA, EXEC)
                .choose(L1Fees.ofWei(GWEI, 1, 0), 100_000, 0, 2);
        assertEquals(Kind.CALLDATA, noBlobs.kind());
        assertNull(noBlobs.blobCostWei());
    }

    @Test
    void countsZeroBytesAndPaddingOfTheData() {
        DataFeeRule cancun = new DataFeeRule(L1Fork.CANCUN, MAX_CALLDATA, EXEC);
        // 33 bytes: 3 non-zero, 30 zero, padded to 64 with 31 more zeros → 3×16 + 61×4
        byte[] d = new byte[33];
        d[0] = 1;
        d[10] = 2;
        d[32] = 3;
        assertEquals(3 * 16 + 61 * 4, cancun.choose(L1Fees.ofWei(1, 1, 0), Bytes.wrap(d)).calldataGas());
    }

    @Test
    void forks() {
        assertEquals(6, L1Fork.of("Cancun", 0).maxBlobsPerTx());
        assertEquals(9, L1Fork.of("prague", 0).maxBlobsPerTx());
        assertEquals(12, L1Fork.of("prague", 12).maxBlobsPerTx());
        assertThrows(IllegalArgumentException.class, () -> L1Fork.of("frontier", 0));
    }
}
