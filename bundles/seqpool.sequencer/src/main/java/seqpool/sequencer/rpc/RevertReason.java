package seqpool.sequencer.rpc;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import seqpool.api.common.Bytes;

/**
 * The message of a reverted call, as geth writes it: {@code execution reverted}, followed by the reason when the
 * revert data is a Solidity {@code Error(string)} or {@code Panic(uint256)} (Solidity docs, "Panic via assert and Error
 * via require").
 */
final class RevertReason {
    static final Bytes ERROR_SELECTOR = Bytes.fromHex("08c379a0");
    static final Bytes PANIC_SELECTOR = Bytes.fromHex("4e487b71");
    private static final Map<Integer, String> PANICS = Map.of(
            0x00, "generic panic",
            0x01, "assert(false)",
            0x11, "arithmetic underflow or overflow",
            0x12, "division or modulo by zero",
            0x21, "enum overflow",
            0x22, "invalid encoded storage byte array accessed",
            0x31, "out-of-bounds array access; popping on an empty array",
            0x32, "out-of-bounds access of an array or bytesN",
            0x41, "out of memory",
            0x51, "uninitialized function");

    private RevertReason() {
    }

    static String message(Bytes data) {
        String reason = reason(data);
        return reason == null ? "execution reverted" : "execution reverted: " + reason;
    }

    /** The decoded reason, or null when the data is neither a well-formed Error(string) nor a Panic(uint256). */
    static String reason(Bytes data) {
        if (data.size() == 4 + 32 && data.startsWith(PANIC_SELECTOR)) {
            BigInteger code = new BigInteger(1, data.slice(4, 36).toArray());
            String known = code.bitLength() <= 8 ? PANICS.get(code.intValue()) : null;
            return known != null ? known : "unknown panic code: 0x" + code.toString(16);
        }
        if (data.size() >= 4 + 64 && data.startsWith(ERROR_SELECTOR)) {
            BigInteger offset = word(data, 4);
            if (!offset.equals(BigInteger.valueOf(32))) {
                return null;
            }
            BigInteger length = word(data, 36);
            if (length.compareTo(BigInteger.valueOf(data.size() - 68L)) > 0) {
                return null;
            }
            int n = length.intValueExact();
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(data.slice(68, 68 + n).toArray())).toString();
            } catch (CharacterCodingException e) {
                return null;
            }
        }
        return null;
    }

    private static BigInteger word(Bytes data, int at) {
        return new BigInteger(1, data.slice(at, at + 32).toArray());
    }
}
