package seqpool.api.staking;

import java.math.BigInteger;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.DuplicateVoteEvidence;

/**
 * Sends the pool's decisions to L1 from this node's own account (its signer key pays the gas): the epoch schedule to
 * SequencerSet, rewards, jailing and slashing to LockingPool, each carrying the pool's threshold signature, and
 * double-sign evidence (which needs none). Before it sends, each call checks L1's latest state and returns
 * {@link PoolActionResult.AlreadyDone} instead of paying for a transaction the contract would revert (another node
 * posted first). A revert is a {@link StakingException} with the decoded reason. Calls are serialized.
 */
@ProviderType
public interface PoolActionSender {
    /** The account that pays (this node's signer address). */
    Address account();

    /** L1's latest state of the pool contracts (not the confirmed one: for "already done?" checks before sending). */
    PoolChainState chainState() throws StakingException;

    PoolActionResult commitEpoch(long epochId, long firstL2Block, long lastL2Block, Address producer,
            Bytes poolSignature) throws StakingException;

    /** {@code rotation} is the epoch's rotation count after this one (1 for the first). */
    PoolActionResult recommitEpoch(long epochId, int rotation, long fromL2Block, Address producer, Bytes poolSignature)
            throws StakingException;

    /** {@code actionNonce} is the LockingPool's poolActionNonce this message was signed for (current + 1). */
    PoolActionResult jail(long actionNonce, SequencerId sequencer, Hash32 reasonHash, Bytes poolSignature)
            throws StakingException;

    /**
     * Slashes {@code amount} wei of a sequencer's stake for a fault the pool proved (since 1.2); {@code actionNonce} as
     * for {@link #jail}.
     */
    PoolActionResult slash(long actionNonce, SequencerId sequencer, BigInteger amount, Hash32 reasonHash,
            Bytes poolSignature) throws StakingException;

    PoolActionResult submitRewards(long batchId, long startEpoch, long endEpoch, List<SequencerId> sequencers,
            List<BigInteger> blocks, Bytes poolSignature) throws StakingException;

    PoolActionResult slashDoubleSign(DuplicateVoteEvidence evidence) throws StakingException;
}
