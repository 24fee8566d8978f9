package seqpool.sequencer.rpc.dispatch;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.sequencer.rpc.BlockSelector;
import seqpool.sequencer.rpc.CallRequest;
import seqpool.sequencer.rpc.LogCriteria;
import seqpool.sequencer.rpc.RpcTransaction;
import seqpool.sequencer.rpc.json.Json;

/**
 * The object parameters: the call object ({@code GenericTransaction}) and the log filter ({@code Filter}). Errors
 * carry the reason; {@link Params#get} adds the argument position.
 */
public final class RequestObjects {
    /** At most this many addresses and this many alternatives per topic position in a filter. */
    public static final int MAX_FILTER_ALTERNATIVES = 1000;

    private static final Set<String> CALL_FIELDS = Set.of("type", "nonce", "to", "from", "gas", "value", "input",
            "data", "gasPrice", "maxPriorityFeePerGas", "maxFeePerGas", "accessList", "chainId");
    private static final Set<String> UNSUPPORTED_CALL_FIELDS = Set.of("maxFeePerBlobGas", "blobVersionedHashes",
            "blobs", "commitments", "proofs", "authorizationList");

    /** An {@code eth_getLogs} filter before its range is resolved; {@code blockHash} set means no range. */
    public record FilterRequest(BlockSelector fromBlock, BlockSelector toBlock, Hash32 blockHash, LogCriteria criteria) {
    }

    private RequestObjects() {
    }

    /**
     * The call object. Takes {@code input} and, as geth does for older clients such as web3j, {@code data} (equal if
     * both are given). Blob and EIP-7702 fields are refused: this L2 has neither.
     */
    public static CallRequest call(Json v) throws InvalidValueException {
        Json.Obj o = object(v, "a transaction object");
        for (String k : o.members().keySet()) {
            if (UNSUPPORTED_CALL_FIELDS.contains(k)) {
                throw new InvalidValueException("field \"" + k + "\" is not supported");
            }
            if (!CALL_FIELDS.contains(k)) {
                throw new InvalidValueException("unknown field \"" + abbreviate(k) + "\"");
            }
        }
        Bytes input = field(o, "input", Decode::data);
        Bytes data = field(o, "data", Decode::data);
        if (input != null && data != null && !input.equals(data)) {
            throw new InvalidValueException("both \"data\" and \"input\" are set and not equal; use \"input\"");
        }
        BigInteger gasPrice = field(o, "gasPrice", Decode::uint256);
        BigInteger maxFee = field(o, "maxFeePerGas", Decode::uint256);
        BigInteger maxTip = field(o, "maxPriorityFeePerGas", Decode::uint256);
        if (gasPrice != null && (maxFee != null || maxTip != null)) {
            throw new InvalidValueException("both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified");
        }
        return new CallRequest(field(o, "from", Decode::address), field(o, "to", Decode::address),
                field(o, "gas", Decode::uint63), gasPrice, maxFee, maxTip, field(o, "value", Decode::uint256),
                input != null ? input : data, field(o, "nonce", Decode::uint63), field(o, "type", RequestObjects::txType),
                field(o, "chainId", Decode::uint63), field(o, "accessList", RequestObjects::accessList));
    }

    /** The {@code eth_getLogs} filter. Unknown members are ignored, as the schema allows. */
    public static FilterRequest filter(Json v) throws InvalidValueException {
        Json.Obj o = object(v, "a filter object");
        Hash32 blockHash = field(o, "blockHash", Decode::hash);
        BlockSelector from = field(o, "fromBlock", b -> Decode.block(b, false, true));
        BlockSelector to = field(o, "toBlock", b -> Decode.block(b, false, true));
        if (blockHash != null && (from != null || to != null)) {
            throw new InvalidValueException(
                    "cannot specify both blockHash and fromBlock/toBlock, choose one or the other");
        }
        return new FilterRequest(from == null ? BlockSelector.LATEST : from, to == null ? BlockSelector.LATEST : to,
                blockHash, criteria(o));
    }

    /** The criteria of a {@code logs} subscription: {@code address} and {@code topics} only. */
    public static LogCriteria subscriptionCriteria(Json v) throws InvalidValueException {
        if (v == null || v instanceof Json.Null) {
            return LogCriteria.ANY;
        }
        Json.Obj o = object(v, "a filter object");
        for (String k : List.of("fromBlock", "toBlock", "blockHash")) {
            if (o.has(k)) {
                throw new InvalidValueException("\"" + k + "\" is not allowed in a logs subscription");
            }
        }
        return criteria(o);
    }

    private static LogCriteria criteria(Json.Obj o) throws InvalidValueException {
        List<Address> addresses = new ArrayList<>();
        Json a = o.get("address");
        if (a instanceof Json.Arr arr) {
            bound(arr, "addresses");
            for (Json item : arr.items()) {
                addresses.add(Decode.address(item));
            }
        } else if (a != null && !(a instanceof Json.Null)) {
            addresses.add(Decode.address(a));
        }
        List<List<Hash32>> topics = new ArrayList<>();
        Json t = o.get("topics");
        if (t instanceof Json.Arr arr) {
            if (arr.size() > 4) {
                throw new InvalidValueException("exceed max topics: " + arr.size() + " positions, at most 4");
            }
            for (Json position : arr.items()) {
                topics.add(topicPosition(position));
            }
        } else if (t != null && !(t instanceof Json.Null)) {
            throw new InvalidValueException("topics must be an array, got " + Decode.kind(t));
        }
        return new LogCriteria(addresses, topics);
    }

    private static List<Hash32> topicPosition(Json position) throws InvalidValueException {
        if (position instanceof Json.Null) {
            return List.of();
        }
        if (position instanceof Json.Arr alternatives) {
            bound(alternatives, "topic alternatives");
            List<Hash32> out = new ArrayList<>();
            for (Json h : alternatives.items()) {
                out.add(Decode.hash(h));
            }
            return out;
        }
        return List.of(Decode.hash(position));
    }

    private static Integer txType(Json v) throws InvalidValueException {
        String s = Decode.string(v, "a transaction type");
        if (!s.matches("0x[0-9a-fA-F]{1,2}")) {
            throw new InvalidValueException("transaction type must be one hex byte");
        }
        int type = Integer.parseInt(s.substring(2), 16);
        if (type > 2) {
            throw new InvalidValueException("transaction type " + s + " is not supported");
        }
        return type;
    }

    private static List<RpcTransaction.AccessListEntry> accessList(Json v) throws InvalidValueException {
        if (!(v instanceof Json.Arr arr)) {
            throw new InvalidValueException("accessList must be an array");
        }
        List<RpcTransaction.AccessListEntry> out = new ArrayList<>();
        for (Json e : arr.items()) {
            Json.Obj entry = object(e, "an access list entry");
            Address address = Decode.address(entry.get("address") == null ? Json.NULL : entry.get("address"));
            Json keys = entry.get("storageKeys");
            List<Hash32> storageKeys = new ArrayList<>();
            if (keys instanceof Json.Arr ka) {
                for (Json k : ka.items()) {
                    storageKeys.add(Decode.hash(k));
                }
            } else if (keys != null && !(keys instanceof Json.Null)) {
                throw new InvalidValueException("storageKeys must be an array");
            }
            out.add(new RpcTransaction.AccessListEntry(address, storageKeys));
        }
        return out;
    }

    private static <T> T field(Json.Obj o, String name, Params.Decoder<T> decoder) throws InvalidValueException {
        Json v = o.get(name);
        if (v == null || v instanceof Json.Null) {
            return null;
        }
        try {
            return decoder.decode(v);
        } catch (InvalidValueException e) {
            throw new InvalidValueException("field \"" + name + "\": " + e.getMessage());
        }
    }

    private static Json.Obj object(Json v, String what) throws InvalidValueException {
        if (v instanceof Json.Obj o) {
            return o;
        }
        throw new InvalidValueException("want " + what + ", got " + Decode.kind(v));
    }

    private static void bound(Json.Arr arr, String what) throws InvalidValueException {
        if (arr.size() > MAX_FILTER_ALTERNATIVES) {
            throw new InvalidValueException("too many " + what + ": " + arr.size() + ", at most "
                    + MAX_FILTER_ALTERNATIVES);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 32 ? s : s.substring(0, 32) + "...";
    }
}
