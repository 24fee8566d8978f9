package seqpool.api.bridge;

import java.util.List;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;

/**
 * A confirmed L1 contract log as the bridge saw it: where it is ({@code l1Block}, {@code l1BlockHash}, {@code txHash},
 * {@code logIndex}, which orders events), which contract emitted it, its Solidity event name ({@code kind}, e.g.
 * {@code Locked}), its topics (topic 0 is the event signature hash, then the indexed fields) and its ABI-encoded
 * non-indexed fields ({@code data}). {@code (l1Block, logIndex)} identifies it. The bridge does not interpret events;
 * the PoS application decodes them. Immutable.
 */
public record L1Event(long l1Block, Hash32 l1BlockHash, Hash32 txHash, int logIndex, Address contract, String kind,
        List<Hash32> topics, Bytes data) {
    public L1Event {
        if (l1Block < 0 || logIndex < 0 || l1BlockHash == null || txHash == null || contract == null || kind == null
                || kind.isBlank() || topics == null || topics.isEmpty() || topics.size() > 4 || data == null) {
            throw new IllegalArgumentException("invalid L1 event " + kind + " at block " + l1Block + " log " + logIndex);
        }
        topics = List.copyOf(topics);
    }

    /** Whether this event comes before {@code other} in L1 order. */
    public boolean before(L1Event other) {
        return l1Block != other.l1Block ? l1Block < other.l1Block : logIndex < other.logIndex;
    }
}
