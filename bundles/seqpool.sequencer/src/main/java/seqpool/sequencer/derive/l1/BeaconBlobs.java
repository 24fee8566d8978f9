package seqpool.sequencer.derive.l1;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.sequencer.derive.L1DataException;

/**
 * Blobs from the standard Beacon API (docs/derive.md, "Blobs"): {@code GET /eth/v1/beacon/blobs/{block_id}?
 * versioned_hashes=…} (the endpoint since Fulu; anvil 1.7.1 serves it on its RPC port, with the execution block number
 * or hash as {@code block_id}), falling back to {@code GET /eth/v1/beacon/blob_sidecars/{block_id}} for consensus
 * clients before it (anvil 1.7.1 answers that one with 410 Gone). The block id is tried as the beacon block root
 * (a real consensus client: the next execution block's {@code parentBeaconBlockRoot}) and then as the execution
 * block number (anvil). The blobs come back unverified: the caller checks each against its versioned hash.
 */
public final class BeaconBlobs {
    /** Finds the beacon block root of the slot holding an execution block, if the chain has one. */
    @FunctionalInterface
    public interface RootFinder {
        Optional<Hash32> rootOf(long executionBlock) throws L1DataException;
    }

    private final JsonRpcHttp beacon;

    public BeaconBlobs(JsonRpcHttp beacon) {
        this.beacon = beacon;
    }

    List<Bytes> blobs(long l1Block, List<Hash32> wanted, RootFinder roots) throws L1DataException {
        List<String> ids = new ArrayList<>();
        roots.rootOf(l1Block).ifPresent(r -> ids.add("0x" + r.value().toHex()));
        ids.add(Long.toString(l1Block));
        String query = wanted.stream().map(h -> "0x" + h.value().toHex()).collect(Collectors.joining(","));
        List<String> tried = new ArrayList<>();
        for (String id : ids) {
            JsonRpcHttp.Response r = beacon.get("/eth/v1/beacon/blobs/" + id + "?versioned_hashes=" + query);
            if (r.status() == 200) {
                List<Bytes> out = blobList(r.json().get("data"), false);
                if (out.size() >= wanted.size()) {
                    return out;
                }
                tried.add("blobs/" + id + ": " + out.size() + " blobs");
            } else {
                tried.add("blobs/" + id + ": HTTP " + r.status());
            }
            JsonRpcHttp.Response s = beacon.get("/eth/v1/beacon/blob_sidecars/" + id);
            if (s.status() == 200) {
                List<Bytes> out = blobList(s.json().get("data"), true);
                if (!out.isEmpty()) {
                    return out;
                }
            }
            tried.add("blob_sidecars/" + id + ": HTTP " + s.status());
        }
        throw new L1DataException("the beacon API at " + beacon.url() + " serves no blobs of L1 block " + l1Block
                + " (" + String.join("; ", tried) + ")");
    }

    private static List<Bytes> blobList(Object data, boolean sidecars) throws L1DataException {
        if (data == null) {
            return List.of();
        }
        List<Bytes> out = new ArrayList<>();
        for (Object o : Fields.list(data, "beacon data")) {
            Object blob = sidecars ? (o instanceof Map<?, ?> m ? m.get("blob") : null) : o;
            if (blob instanceof String s) {
                out.add(Fields.data(s, "a blob"));
            }
        }
        return out;
    }
}
