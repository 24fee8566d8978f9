package seqpool.api.staking;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;

/**
 * Every sequencer and the lock bounds as of one L1 block (all read at that block, so mutually consistent), sorted by
 * id. Immutable.
 */
public record StakeSnapshot(long l1Block, Hash32 l1BlockHash, BigInteger minLock, BigInteger maxLock,
        List<SequencerStake> sequencers) {
    public StakeSnapshot {
        if (l1Block < 0) {
            throw new IllegalArgumentException("l1Block must be non-negative");
        }
        Objects.requireNonNull(l1BlockHash, "l1BlockHash");
        Objects.requireNonNull(minLock, "minLock");
        Objects.requireNonNull(maxLock, "maxLock");
        sequencers = List.copyOf(sequencers);
        for (int i = 1; i < sequencers.size(); i++) {
            if (sequencers.get(i - 1).id().compareTo(sequencers.get(i).id()) >= 0) {
                throw new IllegalArgumentException("sequencers must be sorted by id without duplicates");
            }
        }
    }

    /** The active set (ACTIVE and not jailed), in id order. */
    public List<SequencerStake> active() {
        return sequencers.stream().filter(SequencerStake::active).toList();
    }

    /** Total stake of the active set. */
    public BigInteger activeStake() {
        return active().stream().map(SequencerStake::amount).reduce(BigInteger.ZERO, BigInteger::add);
    }

    public Optional<SequencerStake> bySigner(Address signer) {
        return sequencers.stream().filter(s -> s.signer().equals(signer)).findFirst();
    }

    public Optional<SequencerStake> byId(SequencerId id) {
        return sequencers.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
