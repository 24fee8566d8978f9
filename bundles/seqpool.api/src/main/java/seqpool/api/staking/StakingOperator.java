package seqpool.api.staking;

import java.math.BigInteger;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;

/**
 * An operator's own LockingPool transactions, sent from the operator's account (one sequencer per owner). Each call
 * estimates gas, assigns the next nonce, waits for the receipt and returns it; a revert (in estimation or on chain)
 * is a {@link StakingException} carrying the decoded reason. Calls are serialized (one at a time per operator).
 */
@ProviderType
public interface StakingOperator {
    /** The operator's (owner's) account. */
    Address account();

    /** The operator's sequencer, if it has one that has not exited. */
    Optional<SequencerId> sequencer() throws StakingException;

    /** ERC-20 approve of the stake token to LockingPool. */
    TxOutcome approveStake(BigInteger amount) throws StakingException;

    /** lockFor(signer, amount, pubkey): {@code signerPubkey} is the 64-byte uncompressed consensus key. */
    SequencerId lock(Bytes signerPubkey, BigInteger amount) throws StakingException;

    TxOutcome relock(BigInteger amount, boolean compoundRewards) throws StakingException;

    TxOutcome withdraw(BigInteger amount) throws StakingException;

    TxOutcome unlock() throws StakingException;

    /** unlockClaim after the exit delay. */
    TxOutcome claim() throws StakingException;

    TxOutcome withdrawRewards() throws StakingException;

    TxOutcome updateSigner(Bytes signerPubkey) throws StakingException;

    TxOutcome setRewardRecipient(Address recipient) throws StakingException;
}
