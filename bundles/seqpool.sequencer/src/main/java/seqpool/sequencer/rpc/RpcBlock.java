package seqpool.sequencer.rpc;

import java.util.List;

/**
 * A block: its header, its size in bytes (RLP of the whole block) and its transactions in order. The JSON-RPC shows
 * the transactions as hashes or as full objects, as the request asks.
 */
public record RpcBlock(RpcHeader header, long size, List<RpcTransaction> transactions) {
    public RpcBlock {
        if (header == null || size < 0 || transactions == null) {
            throw new IllegalArgumentException("invalid block");
        }
        transactions = List.copyOf(transactions);
    }

    public long number() {
        return header.number();
    }
}
