package seqpool.api.pos;

import java.math.BigInteger;

import seqpool.api.common.Address;

/**
 * A pool member as the PoS application sees it: its LockingPool sequencer id, signer address, stake (token wei), the
 * consensus voting power derived from it ({@code PowerRule}), its status and the producer faults counted in the
 * current fault window.
 */
public record PoolMember(long seqId, Address signer, BigInteger stake, long power, MemberStatus status, int faults) {
    public PoolMember {
        if (seqId < 1 || signer == null || stake == null || status == null || stake.signum() < 0 || power < 0
                || faults < 0) {
            throw new IllegalArgumentException("seq id, signer, non-negative stake, power, faults and status are required");
        }
    }
}
