package seqpool.pos.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;
import seqpool.pos.tx.SignedBody;

/**
 * The batch lane's task parameters: one batch is signed at a time, and its task carries the proposed header as
 * canonical strings (docs/pos.md), the proposer and the refusals so far ({@code refused:<address>} → reason).
 */
public final class BatchLane {
    static final String LANE = "batch";
    /** The most L2 blocks one proposal may cover. */
    static final long MAX_BLOCKS = 100_000;
    private static final String REFUSED = "refused:";

    private BatchLane() {
    }

    static String taskId(long index, long height) {
        return "batch:" + index + ":" + height;
    }

    static String refusalKey(Address a) {
        return REFUSED + a.toHex();
    }

    static Map<String, String> params(SignedBody.BatchProposal b, Address proposer) {
        Map<String, String> m = new TreeMap<>();
        m.put("index", Long.toString(b.index()));
        m.put("first", Long.toString(b.firstL2Block()));
        m.put("last", Long.toString(b.lastL2Block()));
        m.put("blockHashes", b.blockHashes().value().toHex());
        m.put("postStateRoot", b.postStateRoot().value().toHex());
        m.put("dataKind", Integer.toString(b.dataKind()));
        m.put("dataHashes", String.join(",", b.dataHashes().stream().map(h -> h.value().toHex()).toList()));
        m.put("compression", Integer.toString(b.compression()));
        m.put("proposer", proposer.toHex());
        return m;
    }

    /** The data hashes of a batch task, in order. */
    public static List<Hash32> dataHashes(Map<String, String> params) {
        List<Hash32> out = new ArrayList<>();
        for (String h : params.get("dataHashes").split(",")) {
            out.add(Hash32.fromHex(h));
        }
        return out;
    }

    /** The refusals recorded on a batch task: refuser → reason. */
    public static Map<Address, String> refusals(Map<String, String> params) {
        Map<Address, String> out = new TreeMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith(REFUSED)) {
                out.put(Address.fromHex(k.substring(REFUSED.length())), v);
            }
        });
        return out;
    }
}
