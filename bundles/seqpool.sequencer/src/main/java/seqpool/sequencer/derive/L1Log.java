package seqpool.sequencer.derive;

import java.util.List;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;

/** One log as {@code eth_getLogs} returns it: where it is on L1 (block, index, transaction) and what it says. */
public record L1Log(Address address, long blockNumber, long logIndex, Hash32 transactionHash, List<Hash32> topics,
        Bytes data) {
    public L1Log {
        if (address == null || transactionHash == null || topics == null || data == null || blockNumber < 0
                || logIndex < 0) {
            throw new IllegalArgumentException("incomplete log");
        }
        topics = List.copyOf(topics);
    }
}
