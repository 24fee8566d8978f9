package seqpool.bridge.follow;

import java.util.List;
import java.util.Objects;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;

/**
 * A log as an L1 node returned it from {@code eth_getLogs}, before the Listener checked it. {@code removed} is the
 * node's flag for a log of a block that was reorganised away. Topics may be empty (an anonymous event without indexed
 * fields); such a log cannot become an {@link seqpool.api.bridge.L1Event} and is skipped.
 */
public record RawLog(long blockNumber, Hash32 blockHash, Hash32 txHash, int logIndex, Address contract,
        List<Hash32> topics, Bytes data, boolean removed) {
    public RawLog {
        if (blockNumber < 0 || logIndex < 0) {
            throw new IllegalArgumentException("log position must be >= 0, got block " + blockNumber + " log "
                    + logIndex);
        }
        Objects.requireNonNull(blockHash, "blockHash");
        Objects.requireNonNull(txHash, "txHash");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(data, "data");
        topics = List.copyOf(topics);
    }

    /** Whether both logs are at the same position ({@code blockNumber}, {@code logIndex}). */
    public boolean samePosition(RawLog other) {
        return blockNumber == other.blockNumber && logIndex == other.logIndex;
    }
}
