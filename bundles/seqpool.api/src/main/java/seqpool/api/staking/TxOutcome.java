package seqpool.api.staking;

import java.util.Objects;

import seqpool.api.common.Hash32;

/** A mined, successful L1 transaction: its hash, block and gas used. Immutable. */
public record TxOutcome(Hash32 txHash, long block, long gasUsed) {
    public TxOutcome {
        Objects.requireNonNull(txHash, "txHash");
        if (block < 0 || gasUsed < 0) {
            throw new IllegalArgumentException("block and gasUsed must be non-negative");
        }
    }
}
