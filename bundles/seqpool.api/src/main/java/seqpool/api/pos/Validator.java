package seqpool.api.pos;

import java.math.BigInteger;

import seqpool.api.common.Address;

/** A pool member as the PoS application sees it at one epoch: its signer address, stake (token wei) and status. */
public record Validator(Address signer, BigInteger stake, ValidatorStatus status) {
    public Validator {
        if (signer == null || stake == null || status == null || stake.signum() < 0) {
            throw new IllegalArgumentException("signer, non-negative stake and status are required");
        }
    }
}
