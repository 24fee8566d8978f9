package seqpool.sequencer.rpc;

import java.util.List;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;

/**
 * An event log (execution-apis {@code Log}). {@code removed} is true when the block that held it left the chain (a
 * rewind of unsafe blocks), as sent to {@code logs} subscribers.
 *
 * @param logIndex the position of the log in its block
 */
public record RpcLog(Address address, List<Hash32> topics, Bytes data, long blockNumber, Hash32 blockHash,
        long blockTimestamp, Hash32 transactionHash, int transactionIndex, int logIndex, boolean removed) {
    public RpcLog {
        if (address == null || topics == null || data == null || blockHash == null || transactionHash == null) {
            throw new IllegalArgumentException("missing log field");
        }
        if (topics.size() > 4 || blockNumber < 0 || blockTimestamp < 0 || transactionIndex < 0 || logIndex < 0) {
            throw new IllegalArgumentException("invalid log in block " + blockNumber);
        }
        topics = List.copyOf(topics);
    }

    public RpcLog asRemoved() {
        return new RpcLog(address, topics, data, blockNumber, blockHash, blockTimestamp, transactionHash,
                transactionIndex, logIndex, true);
    }
}
