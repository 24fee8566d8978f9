package seqpool.sequencer.rpc.testing;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import seqpool.sequencer.rpc.json.Json;

/**
 * Result shapes checked against the execution-apis schemas (src/schemas/base-types.yaml, block.yaml,
 * transaction.yaml, receipt.yaml): required members present, each with its base type's pattern.
 */
public final class Shapes {
    public static final Pattern UINT = Pattern.compile("^0x(0|[1-9a-f][0-9a-f]*)$");
    public static final Pattern HASH32 = Pattern.compile("^0x[0-9a-f]{64}$");
    public static final Pattern ADDRESS = Pattern.compile("^0x[0-9a-fA-F]{40}$");
    public static final Pattern BYTES = Pattern.compile("^0x[0-9a-f]*$");
    public static final Pattern BYTES8 = Pattern.compile("^0x[0-9a-f]{16}$");
    public static final Pattern BYTES256 = Pattern.compile("^0x[0-9a-f]{512}$");

    private static final Map<String, Pattern> BLOCK = Map.ofEntries(Map.entry("hash", HASH32),
            Map.entry("parentHash", HASH32), Map.entry("sha3Uncles", HASH32), Map.entry("miner", ADDRESS),
            Map.entry("stateRoot", HASH32), Map.entry("transactionsRoot", HASH32), Map.entry("receiptsRoot", HASH32),
            Map.entry("logsBloom", BYTES256), Map.entry("number", UINT), Map.entry("gasLimit", UINT),
            Map.entry("gasUsed", UINT), Map.entry("timestamp", UINT), Map.entry("extraData", BYTES),
            Map.entry("mixHash", HASH32), Map.entry("nonce", BYTES8), Map.entry("size", UINT));
    private static final Map<String, Pattern> TX = Map.ofEntries(Map.entry("blockHash", HASH32),
            Map.entry("blockNumber", UINT), Map.entry("blockTimestamp", UINT), Map.entry("from", ADDRESS),
            Map.entry("hash", HASH32), Map.entry("transactionIndex", UINT), Map.entry("type", UINT),
            Map.entry("nonce", UINT), Map.entry("gas", UINT), Map.entry("value", UINT), Map.entry("input", BYTES),
            Map.entry("gasPrice", UINT), Map.entry("v", UINT), Map.entry("r", UINT), Map.entry("s", UINT));
    private static final Map<String, Pattern> RECEIPT = Map.ofEntries(Map.entry("blockHash", HASH32),
            Map.entry("blockNumber", UINT), Map.entry("from", ADDRESS), Map.entry("cumulativeGasUsed", UINT),
            Map.entry("gasUsed", UINT), Map.entry("logsBloom", BYTES256), Map.entry("transactionHash", HASH32),
            Map.entry("transactionIndex", UINT), Map.entry("effectiveGasPrice", UINT), Map.entry("status", UINT),
            Map.entry("type", UINT));
    private static final Map<String, Pattern> LOG = Map.ofEntries(Map.entry("logIndex", UINT),
            Map.entry("transactionIndex", UINT), Map.entry("transactionHash", HASH32), Map.entry("blockHash", HASH32),
            Map.entry("blockNumber", UINT), Map.entry("address", ADDRESS), Map.entry("data", BYTES));

    private Shapes() {
    }

    public static void block(Json v) {
        Json.Obj o = members(v, BLOCK);
        assertInstanceOf(Json.Arr.class, o.get("transactions"));
        assertInstanceOf(Json.Arr.class, o.get("uncles"));
        for (Json t : ((Json.Arr) o.get("transactions")).items()) {
            if (t instanceof Json.Str s) {
                matches(HASH32, s.value(), "transactions[]");
            } else {
                transaction(t);
            }
        }
    }

    public static void transaction(Json v) {
        Json.Obj o = members(v, TX);
        if (!"0x0".equals(((Json.Str) o.get("type")).value())) {
            matches(UINT, ((Json.Str) o.get("chainId")).value(), "chainId");
            matches(Pattern.compile("^0x[01]$"), ((Json.Str) o.get("yParity")).value(), "yParity");
            assertInstanceOf(Json.Arr.class, o.get("accessList"));
        }
    }

    public static void receipt(Json v) {
        Json.Obj o = members(v, RECEIPT);
        for (Json l : ((Json.Arr) o.get("logs")).items()) {
            log(l);
        }
    }

    public static void log(Json v) {
        Json.Obj o = members(v, LOG);
        assertInstanceOf(Json.Bool.class, o.get("removed"));
        for (Json t : ((Json.Arr) o.get("topics")).items()) {
            matches(HASH32, ((Json.Str) t).value(), "topics[]");
        }
    }

    private static Json.Obj members(Json v, Map<String, Pattern> required) {
        Json.Obj o = assertInstanceOf(Json.Obj.class, v);
        for (Map.Entry<String, Pattern> e : required.entrySet()) {
            Json m = o.get(e.getKey());
            assertInstanceOf(Json.Str.class, m, () -> e.getKey() + " missing or not a string in " + o);
            matches(e.getValue(), ((Json.Str) m).value(), e.getKey());
        }
        return o;
    }

    private static void matches(Pattern p, String value, String what) {
        assertTrue(p.matcher(value).matches(), () -> what + " = " + value + " does not match " + p);
    }

    public static List<Json> items(Json v) {
        return assertInstanceOf(Json.Arr.class, v).items();
    }
}
