package seqpool.api.bridge;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;

/**
 * A confirmed L1 contract event. {@code (sequencer, nonce)} identifies it uniquely (the contracts number every state
 * change per sequencer); {@code (l1Block, logIndex)} orders it. {@code kind} is the Solidity event name and
 * {@code data} its ABI-encoded non-indexed fields.
 */
public record L1Event(long l1Block, Hash32 l1BlockHash, Hash32 txHash, int logIndex, Address contract, String kind,
        Address sequencer, long nonce, Bytes data) {
    public L1Event {
        if (l1Block < 0 || logIndex < 0 || nonce < 0 || kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("invalid L1 event " + kind + " at block " + l1Block);
        }
    }
}
