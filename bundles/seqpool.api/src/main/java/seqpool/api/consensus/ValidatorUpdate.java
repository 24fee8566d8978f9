package seqpool.api.consensus;

import seqpool.api.common.Address;

/**
 * A change the application asks for in {@code finalizeBlock} at height H; it takes effect at height H+1. Power 0
 * removes the validator; a new address joins with CometBFT's initial priority (−1.125 × total power).
 */
public record ValidatorUpdate(Address address, long power) {
    public ValidatorUpdate {
        if (address == null) {
            throw new IllegalArgumentException("address is required");
        }
        if (power < 0 || power > ValidatorSet.MAX_TOTAL_POWER) {
            throw new IllegalArgumentException("validator update " + address + ": power must be in [0, 2^60], got " + power);
        }
    }
}
