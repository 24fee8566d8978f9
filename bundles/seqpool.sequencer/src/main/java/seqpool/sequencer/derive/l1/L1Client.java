package seqpool.sequencer.derive.l1;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.sequencer.derive.L1DataException;
import seqpool.sequencer.derive.L1Log;
import seqpool.sequencer.derive.L1View;

/**
 * L1 through its JSON-RPC ({@code eth_getLogs} in ranges, {@code eth_getTransactionByHash}, {@code eth_blockNumber})
 * and blobs through the Beacon API ({@link BeaconBlobs}). Thread-safe.
 */
public final class L1Client implements L1View {
    private final JsonRpcHttp rpc;
    private final BeaconBlobs beacon;
    private final int maxRange;

    public L1Client(JsonRpcHttp rpc, BeaconBlobs beacon, int maxRange) {
        this.rpc = rpc;
        this.beacon = beacon;
        this.maxRange = Math.max(1, maxRange);
    }

    public long chainId() throws L1DataException {
        return Fields.quantity(String.valueOf(rpc.call("eth_chainId", List.of())), "eth_chainId");
    }

    public long headNumber() throws L1DataException {
        return Fields.quantity(String.valueOf(rpc.call("eth_blockNumber", List.of())), "eth_blockNumber");
    }

    /** The logs of {@code address} whose first topic is one of {@code topics}, in L1 order. */
    public List<L1Log> logs(Address address, List<Hash32> topics, long from, long to) throws L1DataException {
        List<L1Log> out = new ArrayList<>();
        for (long start = from; start <= to; start += maxRange) {
            long end = Math.min(to, start + maxRange - 1);
            Map<String, Object> filter = Map.of("address", "0x" + address.value().toHex(),
                    "fromBlock", hex(start), "toBlock", hex(end),
                    "topics", List.of(topics.stream().map(t -> "0x" + t.value().toHex()).toList()));
            for (Object o : Fields.list(rpc.call("eth_getLogs", List.of(filter)), "eth_getLogs")) {
                Map<?, ?> m = Fields.object(o, "a log");
                if (Boolean.TRUE.equals(m.get("removed"))) {
                    continue;
                }
                List<Hash32> t = Fields.hashes(m.get("topics"), "log topics");
                out.add(new L1Log(Fields.address(m.get("address"), "log address"),
                        Fields.quantity(m, "blockNumber", "a log"), Fields.quantity(m, "logIndex", "a log"),
                        Fields.hash(m.get("transactionHash"), "log transactionHash"), t,
                        Fields.data(m, "data", "a log")));
            }
        }
        out.sort((a, b) -> a.blockNumber() != b.blockNumber() ? Long.compare(a.blockNumber(), b.blockNumber())
                : Long.compare(a.logIndex(), b.logIndex()));
        return out;
    }

    @Override
    public BatchTransaction transaction(Hash32 hash) throws L1DataException {
        Object r = rpc.call("eth_getTransactionByHash", List.of("0x" + hash.value().toHex()));
        if (r == null) {
            throw new L1DataException("L1 does not know transaction " + hash);
        }
        Map<?, ?> m = Fields.object(r, "transaction " + hash);
        Optional<Address> to = m.get("to") == null ? Optional.empty()
                : Optional.of(Fields.address(m.get("to"), "transaction to"));
        List<Hash32> blobs = m.get("blobVersionedHashes") == null ? List.of()
                : Fields.hashes(m.get("blobVersionedHashes"), "blobVersionedHashes");
        return new BatchTransaction(to, Fields.data(m, "input", "transaction " + hash), blobs);
    }

    @Override
    public List<Bytes> blobs(long l1Block, List<Hash32> wanted) throws L1DataException {
        return beacon.blobs(l1Block, wanted, this::beaconRootOfBlock);
    }

    /** The beacon block root of the slot that holds L1 block {@code n}: the next block's parentBeaconBlockRoot. */
    private Optional<Hash32> beaconRootOfBlock(long n) throws L1DataException {
        Object r = rpc.call("eth_getBlockByNumber", List.of(hex(n + 1), false));
        if (!(r instanceof Map<?, ?> m) || !(m.get("parentBeaconBlockRoot") instanceof String s)) {
            return Optional.empty();
        }
        Hash32 root = Fields.hash(s, "parentBeaconBlockRoot");
        return root.isZero() ? Optional.empty() : Optional.of(root);
    }

    static String hex(long n) {
        return "0x" + Long.toHexString(n);
    }
}
