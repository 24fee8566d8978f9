package seqpool.sequencer.derive.l1;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.sequencer.derive.L1DataException;

/** Strict reads of JSON-RPC result fields (hex quantities, data, hashes); a bad field names itself. */
final class Fields {
    private Fields() {
    }

    static Map<?, ?> object(Object v, String what) throws L1DataException {
        if (v instanceof Map<?, ?> m) {
            return m;
        }
        throw new L1DataException(what + " is not a JSON object");
    }

    static List<?> list(Object v, String what) throws L1DataException {
        if (v instanceof List<?> l) {
            return l;
        }
        throw new L1DataException(what + " is not a JSON list");
    }

    static String string(Map<?, ?> m, String key, String what) throws L1DataException {
        if (m.get(key) instanceof String s) {
            return s;
        }
        throw new L1DataException(what + " has no string field " + key);
    }

    static long quantity(Map<?, ?> m, String key, String what) throws L1DataException {
        return quantity(string(m, key, what), what + " " + key);
    }

    static long quantity(String hex, String what) throws L1DataException {
        if (!hex.matches("0x[0-9a-fA-F]{1,15}")) {
            throw new L1DataException(what + " is not a hex quantity: " + clip(hex));
        }
        return Long.parseLong(hex.substring(2), 16);
    }

    static Bytes data(String hex, String what) throws L1DataException {
        if (!hex.startsWith("0x") || hex.length() % 2 != 0) {
            throw new L1DataException(what + " is not 0x-prefixed hex data: " + clip(hex));
        }
        try {
            return Bytes.fromHex(hex);
        } catch (IllegalArgumentException e) {
            throw new L1DataException(what + " is not hex data: " + clip(hex));
        }
    }

    static Bytes data(Map<?, ?> m, String key, String what) throws L1DataException {
        return data(string(m, key, what), what + " " + key);
    }

    static Hash32 hash(Object v, String what) throws L1DataException {
        Bytes b = data(v instanceof String s ? s : String.valueOf(v), what);
        if (b.size() != 32) {
            throw new L1DataException(what + " is not 32 bytes");
        }
        return new Hash32(b);
    }

    static Address address(Object v, String what) throws L1DataException {
        Bytes b = data(v instanceof String s ? s : String.valueOf(v), what);
        if (b.size() != Address.SIZE) {
            throw new L1DataException(what + " is not 20 bytes");
        }
        return new Address(b);
    }

    static List<Hash32> hashes(Object v, String what) throws L1DataException {
        List<Hash32> out = new ArrayList<>();
        for (Object o : list(v, what)) {
            out.add(hash(o, what));
        }
        return out;
    }

    static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
