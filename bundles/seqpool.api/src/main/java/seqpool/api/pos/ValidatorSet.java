package seqpool.api.pos;

import java.math.BigInteger;
import java.util.List;

/** The validator set in force during one epoch, ordered by signer address. Immutable. */
public record ValidatorSet(long epoch, List<Validator> validators) {
    public ValidatorSet {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0");
        }
        validators = List.copyOf(validators);
    }

    public BigInteger activeStake() {
        return validators.stream().filter(v -> v.status() == ValidatorStatus.ACTIVE).map(Validator::stake)
                .reduce(BigInteger.ZERO, BigInteger::add);
    }
}
