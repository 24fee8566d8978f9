package seqpool.pos.state;

import java.math.BigInteger;
import java.util.TreeSet;

import seqpool.api.common.Address;

/**
 * A sequencer as the pool knows it from committed L1 events: its LockingPool id, signer, stake, LockingPool status
 * (1 active, 2 inactive, 3 unlocking, 4 exited), whether L1 jailed it, whether the pool jailed it (stall faults), and
 * the epochs in which it stalled. Mutable; owned by the state machine.
 */
public final class Member {
    public static final int ACTIVE = 1;
    public static final int INACTIVE = 2;
    public static final int UNLOCKING = 3;
    public static final int EXITED = 4;

    final long seqId;
    Address signer;
    BigInteger stake;
    int l1Status;
    boolean l1Jailed;
    boolean poolJailed;
    final TreeSet<Long> faultEpochs = new TreeSet<>();

    Member(long seqId, Address signer, BigInteger stake, int l1Status) {
        this.seqId = seqId;
        this.signer = signer;
        this.stake = stake;
        this.l1Status = l1Status;
    }

    public long seqId() {
        return seqId;
    }

    public Address signer() {
        return signer;
    }

    public BigInteger stake() {
        return stake;
    }

    public int l1Status() {
        return l1Status;
    }

    public int faultCount() {
        return faultEpochs.size();
    }

    public boolean jailed() {
        return l1Jailed || poolJailed;
    }

    /** May take part in an epoch: not jailed, and active on L1 (or unlocking: it serves until the committee changes). */
    public boolean servesEpochs() {
        return !jailed() && (l1Status == ACTIVE || l1Status == UNLOCKING);
    }

    /** Belongs in the next committee: active on L1 and not jailed. */
    public boolean wantedInCommittee() {
        return !jailed() && l1Status == ACTIVE;
    }
}
