package seqpool.sequencer.rpc.dispatch;

import java.math.BigInteger;
import java.util.Optional;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.sequencer.rpc.BlockSelector;
import seqpool.sequencer.rpc.BlockTag;
import seqpool.sequencer.rpc.json.Json;

/**
 * JSON values to typed values, by the execution-apis base types. Each method throws {@link InvalidValueException}
 * with the reason only; {@link Params} adds which argument it was.
 */
public final class Decode {
    private Decode() {
    }

    static String string(Json v, String what) throws InvalidValueException {
        if (v instanceof Json.Str s) {
            return s.value();
        }
        throw new InvalidValueException(what + " must be a string, got " + kind(v));
    }

    /** {@code address}: 20 bytes. */
    public static Address address(Json v) throws InvalidValueException {
        return new Address(Hex.fixed(string(v, "an address"), Address.SIZE, "an address"));
    }

    /** {@code hash32}: 32 bytes. */
    public static Hash32 hash(Json v) throws InvalidValueException {
        return new Hash32(Hex.fixed(string(v, "a hash"), 32, "a 32-byte hash"));
    }

    /** {@code bytes}. */
    public static Bytes data(Json v) throws InvalidValueException {
        return Hex.data(string(v, "hex data"));
    }

    /** {@code uint256}. */
    public static BigInteger uint256(Json v) throws InvalidValueException {
        return Hex.quantity(string(v, "a quantity"), 256);
    }

    /** {@code uint64}, restricted to what a Java {@code long} holds. */
    public static long uint63(Json v) throws InvalidValueException {
        return Hex.uint63(string(v, "a quantity"));
    }

    public static boolean bool(Json v) throws InvalidValueException {
        if (v instanceof Json.Bool b) {
            return b.value();
        }
        throw new InvalidValueException("want a boolean, got " + kind(v));
    }

    /**
     * {@code BlockNumberOrTag} or, with {@code allowHash}, {@code BlockNumberOrTagOrHash}; with {@code rangeTags}
     * only the tags of {@code BlockTagForRange} (no {@code pending}).
     */
    public static BlockSelector block(Json v, boolean allowHash, boolean rangeTags) throws InvalidValueException {
        String s = string(v, "a block number or tag");
        Optional<BlockTag> tag = BlockTag.fromWire(s);
        if (tag.isPresent()) {
            if (rangeTags && tag.get() == BlockTag.PENDING) {
                throw new InvalidValueException("tag \"pending\" is not allowed here");
            }
            return new BlockSelector.Tagged(tag.get());
        }
        if (!s.startsWith("0x")) {
            throw new InvalidValueException("want a block number (hex), a tag ("
                    + (rangeTags ? "earliest, finalized, safe, latest" : "earliest, finalized, safe, latest, pending")
                    + ")" + (allowHash ? " or a block hash" : ""));
        }
        if (allowHash && s.length() == 66) {
            return new BlockSelector.ByHash(new Hash32(Hex.fixed(s, 32, "a block hash")));
        }
        return new BlockSelector.ByNumber(Hex.uint63(s));
    }

    /** A storage slot ({@code bytesMax32}: leading zeros allowed), left-padded to 32 bytes. */
    public static Bytes storageSlot(Json v) throws InvalidValueException {
        String s = string(v, "a storage slot");
        if (!s.startsWith("0x")) {
            throw new InvalidValueException("hex string without 0x prefix");
        }
        String digits = s.substring(2);
        if (digits.length() > 64) {
            throw new InvalidValueException("storage slot too long (want at most 32 bytes)");
        }
        String padded = "0".repeat(64 - digits.length()) + digits;
        return Hex.fixed("0x" + padded, 32, "a storage slot");
    }

    static String kind(Json v) {
        if (v instanceof Json.Obj) {
            return "an object";
        }
        if (v instanceof Json.Arr) {
            return "an array";
        }
        if (v instanceof Json.Str) {
            return "a string";
        }
        if (v instanceof Json.Num) {
            return "a number";
        }
        if (v instanceof Json.Bool) {
            return "a boolean";
        }
        return "null";
    }
}
