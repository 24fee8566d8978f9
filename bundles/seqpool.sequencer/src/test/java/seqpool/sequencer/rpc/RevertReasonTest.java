package seqpool.sequencer.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import seqpool.api.common.Bytes;

/** Revert messages as geth writes them (execution-apis tests/eth_call/call-revert-abi-*.io). */
class RevertReasonTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // Error("user error")
        "08c379a000000000000000000000000000000000000000000000000000000000000000200000000000000000000000000000"
                + "00000000000000000000000000000000000a75736572206572726f72 | execution reverted: user error",
        // Panic(1)
        "4e487b710000000000000000000000000000000000000000000000000000000000000001 | execution reverted: assert(false)",
        "4e487b710000000000000000000000000000000000000000000000000000000000000011 | execution reverted: arithmetic underflow or overflow",
        "4e487b7100000000000000000000000000000000000000000000000000000000000000ff | execution reverted: unknown panic code: 0xff",
        // custom error / raw bytes / nothing
        "deadbeef                                                                 | execution reverted",
        "                                                                         | execution reverted",
        // Error(string) claiming more bytes than it has
        "08c379a000000000000000000000000000000000000000000000000000000000000000200000000000000000000000000000"
                + "0000000000000000000000000000000000ff75736572 | execution reverted",
        // Error(string) with an offset other than 32
        "08c379a000000000000000000000000000000000000000000000000000000000000000400000000000000000000000000000"
                + "00000000000000000000000000000000000a75736572206572726f72 | execution reverted",
        // invalid UTF-8 in the reason
        "08c379a000000000000000000000000000000000000000000000000000000000000000200000000000000000000000000000"
                + "000000000000000000000000000000000002c328 | execution reverted",
    })
    void messages(String hex, String message) {
        Bytes data = hex == null ? Bytes.EMPTY : Bytes.fromHex(hex);
        EthBackendException e = EthBackendException.reverted(data);
        assertEquals(3, e.code());
        assertEquals(message, e.getMessage());
        assertEquals(data, e.data());
    }
}
