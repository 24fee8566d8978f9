package seqpool.staking.actions;

import java.util.Optional;

import seqpool.api.staking.PoolChainState;
import seqpool.api.staking.StakingException;

/**
 * Decides from L1's state whether a pool action already happened, so that a node does not pay for a transaction the
 * contract would revert. Each rule follows the sequence number the contract checks (docs/l1-actions.md):
 * <ul>
 * <li>commitEpoch(id): done once SequencerSet's current epoch id ≥ id;</li>
 * <li>recommitEpoch(id, rotation): done once that epoch's rotation count ≥ rotation;</li>
 * <li>jail(actionNonce): done once LockingPool's poolActionNonce ≥ actionNonce (whichever action used it: a signature
 * for a used nonce can never verify again);</li>
 * <li>submitRewards(batchId): done once lastRewardBatchId ≥ batchId;</li>
 * <li>slashDoubleSign: done once {@code evidenceUsed(keccak256(abi.encode(signer, kind, height, round)))}.</li>
 * </ul>
 * A message signed for a sequence number beyond the next one cannot verify yet; {@link #requireNextRotation} and
 * {@link #requireNextActionNonce} refuse it before anything is sent. Stateless.
 */
public final class PoolActionRules {
    private PoolActionRules() {
    }

    public static Optional<String> commitEpoch(long epochId, PoolChainState s) {
        if (s.currentEpochId() < epochId) {
            return Optional.empty();
        }
        return Optional.of("epoch " + epochId + " is already committed (SequencerSet's current epoch is "
                + s.currentEpochId() + " at L1 block " + s.l1Block() + ")");
    }

    /** Appended to a commitEpoch "why" when L1 holds another range for the epoch than the one this node would post. */
    public static String rangeNote(long first, long last, long committedFirst, long committedLast) {
        return first == committedFirst && last == committedLast ? ""
                : "; L1 holds L2 blocks [" + committedFirst + ", " + committedLast + "], not [" + first + ", " + last + "]";
    }

    /** {@code epochRotations}: the rotation count L1 holds for {@code epochId} (0 for an epoch it does not know). */
    public static Optional<String> recommitEpoch(long epochId, int rotation, int epochRotations, PoolChainState s) {
        if (epochRotations < rotation) {
            return Optional.empty();
        }
        return Optional.of("rotation " + rotation + " of epoch " + epochId + " is already posted (L1 counts "
                + epochRotations + " rotation(s) for that epoch at L1 block " + s.l1Block() + ")");
    }

    /** Refuses a rotation signed for a count beyond the next one (an earlier rotation is missing on L1). */
    public static void requireNextRotation(long epochId, int rotation, int epochRotations) throws StakingException {
        if (rotation > epochRotations + 1) {
            throw new StakingException("recommitEpoch(" + epochId + ") not sent: signed for rotation " + rotation
                    + " but L1 counts " + epochRotations + " rotation(s), so it expects rotation " + (epochRotations + 1),
                    (String) null);
        }
    }

    /** A pool action (jail, slash) signed for {@code actionNonce}: done once L1's poolActionNonce reached it. */
    public static Optional<String> poolAction(long actionNonce, PoolChainState s) {
        if (s.poolActionNonce() < actionNonce) {
            return Optional.empty();
        }
        return Optional.of("pool-action nonce " + actionNonce + " is already used (LockingPool's poolActionNonce is "
                + s.poolActionNonce() + " at L1 block " + s.l1Block() + ")");
    }

    /** Refuses a message signed for a nonce beyond {@code poolActionNonce + 1}: the contract would reject its signature. */
    public static void requireNextActionNonce(String action, long actionNonce, PoolChainState s)
            throws StakingException {
        if (actionNonce > s.poolActionNonce() + 1) {
            throw new StakingException(action + " not sent: signed for pool-action nonce " + actionNonce
                    + " but LockingPool expects " + (s.poolActionNonce() + 1) + " (an earlier pool action is missing)",
                    (String) null);
        }
    }

    public static Optional<String> submitRewards(long batchId, PoolChainState s) {
        if (s.lastRewardBatchId() < batchId) {
            return Optional.empty();
        }
        return Optional.of("reward batch " + batchId + " is already submitted (LockingPool's lastRewardBatchId is "
                + s.lastRewardBatchId() + " at L1 block " + s.l1Block() + ")");
    }

    public static Optional<String> slashDoubleSign(boolean evidenceUsed, String evidenceKey, long l1Block) {
        return evidenceUsed ? Optional.of("double-sign evidence " + evidenceKey + " is already used (at L1 block "
                + l1Block + ")") : Optional.empty();
    }
}
