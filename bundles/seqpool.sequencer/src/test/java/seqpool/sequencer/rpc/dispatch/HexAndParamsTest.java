package seqpool.sequencer.rpc.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import seqpool.api.common.Bytes;
import seqpool.sequencer.rpc.BlockSelector;
import seqpool.sequencer.rpc.BlockTag;
import seqpool.sequencer.rpc.json.Json;

/** The execution-apis base types: what is accepted, what is refused and why. */
class HexAndParamsTest {
    @ParameterizedTest
    @CsvSource({"0x0, 0", "0x1, 1", "0xff, 255", "0xFF, 255", "0x400, 1024",
        "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff, "
                + "115792089237316195423570985008687907853269984665640564039457584007913129639935"})
    void acceptsQuantities(String hex, String decimal) throws InvalidValueException {
        assertEquals(new BigInteger(decimal), Decode.uint256(Json.str(hex)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0x      | hex string \"0x\"",
        "0x00    | leading zero digits",
        "0x0400  | leading zero digits",
        "400     | without 0x prefix",
        "0X400   | without 0x prefix",
        "0xg     | invalid hex string",
        "0x-1    | invalid hex string",
        "0x1 2   | invalid hex string",
        "0x１    | invalid hex string",
        "0x1ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff | > 256 bits"})
    void refusesMalformedQuantities(String hex, String reason) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Decode.uint256(Json.str(hex)));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void refusesQuantitiesOfTheWrongJsonType() {
        assertThrows(InvalidValueException.class, () -> Decode.uint256(new Json.Num("1")));
        assertThrows(InvalidValueException.class, () -> Decode.uint256(Json.NULL));
        assertThrows(InvalidValueException.class, () -> Decode.uint63(Json.str("0x8000000000000000")));
        assertEquals(Long.MAX_VALUE, assertDoesNotThrow(() -> Decode.uint63(Json.str("0x7fffffffffffffff"))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0x52908400098527886E0F7030069857D2E4169EE7  | ",
        "0x52908400098527886e0f7030069857d2e4169e    | length 38, want 40",
        "0x52908400098527886e0f7030069857d2e4169ee700| length 42, want 40",
        "52908400098527886e0f7030069857d2e4169ee7    | without 0x prefix",
        "0x52908400098527886e0f7030069857d2e4169eeg  | invalid hex"})
    void addressesAreTwentyBytes(String hex, String reason) throws InvalidValueException {
        if (reason == null) {
            assertEquals(hex.toLowerCase(), Decode.address(Json.str(hex)).toHex());
        } else {
            InvalidValueException e = assertThrows(InvalidValueException.class, () -> Decode.address(Json.str(hex)));
            assertTrue(e.getMessage().contains(reason), e.getMessage());
        }
    }

    @Test
    void hashesAreThirtyTwoBytesAndDataHasEvenLength() throws InvalidValueException {
        assertEquals(32, Decode.hash(Json.str("0x" + "ab".repeat(32))).value().size());
        assertThrows(InvalidValueException.class, () -> Decode.hash(Json.str("0x" + "ab".repeat(31))));
        assertThrows(InvalidValueException.class, () -> Decode.hash(Json.str("0x" + "ab".repeat(33))));
        assertEquals(Bytes.EMPTY, Decode.data(Json.str("0x")));
        assertEquals(Bytes.of((byte) 1, (byte) 0xab), Decode.data(Json.str("0x01AB")));
        InvalidValueException odd = assertThrows(InvalidValueException.class, () -> Decode.data(Json.str("0x123")));
        assertTrue(odd.getMessage().contains("odd length"));
    }

    @Test
    void blockSelectors() throws InvalidValueException {
        for (BlockTag t : BlockTag.values()) {
            assertEquals(new BlockSelector.Tagged(t), Decode.block(Json.str(t.wireName()), false, false));
        }
        assertEquals(new BlockSelector.ByNumber(16), Decode.block(Json.str("0x10"), false, false));
        String hash = "0x" + "cd".repeat(32);
        assertEquals(BlockSelector.ByHash.class, Decode.block(Json.str(hash), true, false).getClass());
        assertThrows(InvalidValueException.class, () -> Decode.block(Json.str(hash), false, false));
        assertThrows(InvalidValueException.class, () -> Decode.block(Json.str("pending"), false, true));
        for (String bad : List.of("Latest", "LATEST", "0x010", "16", "", "0x")) {
            assertThrows(InvalidValueException.class, () -> Decode.block(Json.str(bad), true, false), bad);
        }
        assertThrows(InvalidValueException.class, () -> Decode.block(new Json.Num("16"), true, false));
    }

    @Test
    void storageSlotsMayHaveLeadingZeros() throws InvalidValueException {
        assertEquals(5, Decode.storageSlot(Json.str("0x5")).get(31));
        assertEquals(5, Decode.storageSlot(Json.str("0x" + "0".repeat(63) + "5")).get(31));
        assertEquals(Bytes.wrap(new byte[32]), Decode.storageSlot(Json.str("0x")));
        InvalidValueException tooLong = assertThrows(InvalidValueException.class,
                () -> Decode.storageSlot(Json.str("0x" + "0".repeat(65))));
        assertTrue(tooLong.getMessage().contains("too long"));
        assertThrows(InvalidValueException.class, () -> Decode.storageSlot(Json.str("0xasdf")));
    }

    @Test
    void paramsNameTheArgument() throws RpcException {
        Params p = Params.of(List.of(Json.str("0x1"), Json.str("0x01")));
        assertEquals(BigInteger.ONE, p.uint256(0));
        RpcException e = assertThrows(RpcException.class, () -> p.uint256(1));
        assertEquals(RpcError.INVALID_PARAMS, e.error().code());
        assertEquals("invalid argument 1: hex number with leading zero digits", e.getMessage());
        assertEquals("missing value for required argument 2", assertThrows(RpcException.class,
                () -> p.uint256(2)).getMessage());
        assertEquals("too many arguments, want at most 1", assertThrows(RpcException.class,
                () -> p.atMost(1)).getMessage());
        assertEquals(BlockSelector.LATEST, Params.of(List.of(Json.str("0x1"), Json.NULL)).blockOrTagOrHash(1));
        assertEquals(RpcError.INVALID_PARAMS, assertThrows(RpcException.class,
                () -> Params.of(Json.obj().put("a", "b").build())).error().code());
        assertEquals(RpcError.INVALID_REQUEST, assertThrows(RpcException.class,
                () -> Params.of(Json.str("x"))).error().code());
    }

    private static <T> T assertDoesNotThrow(org.junit.jupiter.api.function.ThrowingSupplier<T> s) {
        return org.junit.jupiter.api.Assertions.assertDoesNotThrow(s);
    }
}
