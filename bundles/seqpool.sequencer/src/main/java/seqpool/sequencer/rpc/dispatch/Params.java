package seqpool.sequencer.rpc.dispatch;

import java.math.BigInteger;
import java.util.List;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.sequencer.rpc.BlockSelector;
import seqpool.sequencer.rpc.json.Json;

/**
 * The positional parameters of one call. Errors are {@code -32602} with geth's phrasing:
 * {@code invalid argument 1: hex number with leading zero digits}, {@code missing value for required argument 0},
 * {@code too many arguments, want at most 2}. A trailing {@code null} counts as absent.
 */
public final class Params {
    /** A decoding step that may fail with a reason. */
    @FunctionalInterface
    public interface Decoder<T> {
        T decode(Json v) throws InvalidValueException;
    }

    private final List<Json> items;

    private Params(List<Json> items) {
        this.items = items;
    }

    /** From the request's {@code params} member (absent or null: none). */
    public static Params of(Json params) throws RpcException {
        if (params == null || params instanceof Json.Null) {
            return new Params(List.of());
        }
        if (params instanceof Json.Arr a) {
            return new Params(a.items());
        }
        if (params instanceof Json.Obj) {
            throw RpcException.invalidParams("parameters must be an array (by-name parameters are not supported)");
        }
        throw new RpcException(RpcError.INVALID_REQUEST, "invalid request: params must be an array");
    }

    public static Params of(List<Json> items) {
        return new Params(List.copyOf(items));
    }

    public int size() {
        return items.size();
    }

    public void atMost(int n) throws RpcException {
        if (items.size() > n) {
            throw RpcException.invalidParams("too many arguments, want at most " + n);
        }
    }

    public boolean present(int i) {
        return i < items.size() && !(items.get(i) instanceof Json.Null);
    }

    public Json required(int i) throws RpcException {
        if (!present(i)) {
            throw RpcException.invalidParams("missing value for required argument " + i);
        }
        return items.get(i);
    }

    public <T> T get(int i, Decoder<T> decoder) throws RpcException {
        Json v = required(i);
        try {
            return decoder.decode(v);
        } catch (InvalidValueException e) {
            throw invalid(i, e.getMessage());
        }
    }

    public <T> T optional(int i, Decoder<T> decoder, T absent) throws RpcException {
        return present(i) ? get(i, decoder) : absent;
    }

    public Address address(int i) throws RpcException {
        return get(i, Decode::address);
    }

    public Hash32 hash(int i) throws RpcException {
        return get(i, Decode::hash);
    }

    public Bytes data(int i) throws RpcException {
        return get(i, Decode::data);
    }

    public BigInteger uint256(int i) throws RpcException {
        return get(i, Decode::uint256);
    }

    public boolean bool(int i) throws RpcException {
        return get(i, Decode::bool);
    }

    /** A block number or tag (no hash); {@code latest} when absent. */
    public BlockSelector blockOrTag(int i) throws RpcException {
        return optional(i, v -> Decode.block(v, false, false), BlockSelector.LATEST);
    }

    /** A block number, tag or hash; {@code latest} when absent. */
    public BlockSelector blockOrTagOrHash(int i) throws RpcException {
        return optional(i, v -> Decode.block(v, true, false), BlockSelector.LATEST);
    }

    public static RpcException invalid(int i, String reason) {
        return RpcException.invalidParams("invalid argument " + i + ": " + reason);
    }
}
