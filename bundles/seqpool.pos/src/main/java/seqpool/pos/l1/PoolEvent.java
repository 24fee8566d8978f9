package seqpool.pos.l1;

import java.math.BigInteger;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;

/** An L1 event of the pool's contracts, as the PoS state machine needs it. */
public sealed interface PoolEvent {
    record Locked(long seqId, Address signer, BigInteger amount) implements PoolEvent {
    }

    /** Relocked or Withdrawn: the sequencer's stake is now {@code total}. */
    record StakeChanged(long seqId, BigInteger total) implements PoolEvent {
    }

    /** Slashed (by the pool or by double-sign evidence): the stake is now {@code total}; {@code reasonHash} says why. */
    record SlashedOnL1(long seqId, BigInteger total, Hash32 reasonHash) implements PoolEvent {
    }

    /** StatusChanged (1 active, 2 inactive, 3 unlocking, 4 exited). */
    record StatusChanged(long seqId, int status) implements PoolEvent {
    }

    record JailedOnL1(long seqId, Hash32 reasonHash) implements PoolEvent {
    }

    record UnjailedOnL1(long seqId) implements PoolEvent {
    }

    record SignerChanged(long seqId, Address newSigner) implements PoolEvent {
    }

    record DoubleSignProven(Address signer, int kind, long height, int round) implements PoolEvent {
    }

    record RewardsSubmitted(long batchId, long endEpoch) implements PoolEvent {
    }

    record EpochCommitted(long id) implements PoolEvent {
    }

    record EpochRecommitted(long id, int rotation) implements PoolEvent {
    }

    record PoolKeyRegistered(BigInteger x, BigInteger y) implements PoolEvent {
    }

    /** ForcedTransactionQueued: message {@code index} of the forced-inclusion queue, the raw L2 transaction. */
    record ForcedQueued(long index, seqpool.api.common.Bytes transaction) implements PoolEvent {
    }

    /** Any other event (recorded in order, no effect on the PoS state). */
    record Other(String kind) implements PoolEvent {
    }
}
