package seqpool.sequencer.derive.l1;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import seqpool.sequencer.derive.L1DataException;
import seqpool.sequencer.derive.NodeView;

/** A seqpool node's Ethereum JSON-RPC: {@code eth_getBlockByNumber(n, false)}'s {@code hash} and {@code stateRoot}. */
public final class NodeRpc implements NodeView {
    private final JsonRpcHttp rpc;

    public NodeRpc(JsonRpcHttp rpc) {
        this.rpc = rpc;
    }

    @Override
    public Optional<NodeBlock> block(long number) throws L1DataException {
        Object r = rpc.call("eth_getBlockByNumber", List.of(L1Client.hex(number), false));
        if (r == null) {
            return Optional.empty();
        }
        Map<?, ?> m = Fields.object(r, "L2 block " + number);
        return Optional.of(new NodeBlock(Fields.hash(m.get("hash"), "block hash"),
                Fields.hash(m.get("stateRoot"), "block stateRoot")));
    }
}
