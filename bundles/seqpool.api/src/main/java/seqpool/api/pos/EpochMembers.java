package seqpool.api.pos;

import java.math.BigInteger;
import java.util.List;

/** The validator set in force during one epoch, ordered by signer address. Immutable. */
public record EpochMembers(long epoch, List<PoolMember> members) {
    public EpochMembers {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0");
        }
        members = List.copyOf(members);
    }

    public BigInteger activeStake() {
        return members.stream().filter(v -> v.status() == MemberStatus.ACTIVE).map(PoolMember::stake)
                .reduce(BigInteger.ZERO, BigInteger::add);
    }
}
