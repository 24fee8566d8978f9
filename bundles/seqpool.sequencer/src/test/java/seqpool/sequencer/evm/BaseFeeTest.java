package seqpool.sequencer.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BaseFeeTest {
    /** Rows seen on anvil 1.7.1 (30 M gas limit, one transfer per block) and EIP-1559's edge cases. */
    @ParameterizedTest(name = "base {0}, used {1} of {2} -> {3}")
    @CsvSource({
        "1000000000, 0, 300000000, 875000000", // anvil's block 2 after an empty block 1 (0x342770c0)
        "1000000000, 21000, 30000000, 875175000", // anvil: 0x342a1c58
        "875175000, 21000, 30000000, 765931281", // anvil: 0x2da72f11
        "1000000000, 150000000, 300000000, 1000000000",
        "1000000000, 300000000, 300000000, 1125000000",
        "7, 0, 300000000, 7", // 7 * 1/8 rounds to 0: the fee stops falling at 7 wei
        "7, 150000001, 300000000, 8", // above target the change is at least 1 wei
        "1000000000, 0, 1, 1000000000", // target 0: unchanged
    })
    void followsEip1559(long base, long used, long limit, long expected) {
        assertEquals(BigInteger.valueOf(expected), BaseFee.next(BigInteger.valueOf(base), used, limit));
    }
}
