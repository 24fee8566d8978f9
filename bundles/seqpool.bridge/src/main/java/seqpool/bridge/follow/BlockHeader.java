package seqpool.bridge.follow;

import java.util.Objects;

import seqpool.api.common.Hash32;

/** The part of an L1 block header the Listener checks: its number, its hash and its parent's hash. */
public record BlockHeader(long number, Hash32 hash, Hash32 parentHash) {
    public BlockHeader {
        if (number < 0) {
            throw new IllegalArgumentException("block number must be >= 0, got " + number);
        }
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(parentHash, "parentHash");
    }
}
