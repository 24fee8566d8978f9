package seqpool.pos.state;

import java.math.BigInteger;
import java.util.List;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;

/**
 * The pool's starting point, read once from L1 at the confirmed block {@code l1Block}: the active sequencers with
 * their stake, and LockingPool's counters at that block. Every node reads the same block, so every node starts from
 * the same genesis; it is stored and never read from L1 again.
 */
public record Genesis(long l1Block, Hash32 l1BlockHash, List<GenesisMember> members, long poolActionNonce,
        long lastRewardBatch) {
    /** A genesis sequencer. */
    public record GenesisMember(long seqId, Address signer, BigInteger stake) {
    }

    public Genesis {
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("genesis has no active sequencer at L1 block " + l1Block
                    + ": stake before starting the pool");
        }
    }
}
