package seqpool.api.consensus;

import seqpool.api.common.Address;

/** A validator: its signer address and its voting power (stake), 1 ≤ power ≤ {@link ValidatorSet#MAX_TOTAL_POWER}. */
public record Validator(Address address, long power) {
    public Validator {
        if (address == null) {
            throw new IllegalArgumentException("address is required");
        }
        if (power < 1 || power > ValidatorSet.MAX_TOTAL_POWER) {
            throw new IllegalArgumentException("validator " + address + ": power must be in [1, 2^60], got " + power);
        }
    }
}
