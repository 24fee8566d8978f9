package seqpool.sequencer.store;

import seqpool.api.sequencer.L2Block;

/**
 * Evidence that a producer signed two different blocks for one number: the block this node's chain holds and the
 * conflicting one. Both carry the producer's signature over their header hash, so anyone can check them.
 */
public record EquivocationRecord(L2Block kept, L2Block conflicting) {
    public EquivocationRecord {
        if (kept.number() != conflicting.number() || kept.hash().equals(conflicting.hash())
                || !kept.producer().equals(conflicting.producer())) {
            throw new IllegalArgumentException("not equivocation: two different blocks of one number and producer needed");
        }
    }
}
