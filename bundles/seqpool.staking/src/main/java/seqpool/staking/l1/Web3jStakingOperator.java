package seqpool.staking.l1;

import java.math.BigInteger;
import java.util.Optional;

import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;
import org.web3j.utils.Numeric;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.staking.SequencerId;
import seqpool.api.staking.StakingException;
import seqpool.api.staking.StakingOperator;
import seqpool.api.staking.TxOutcome;
import seqpool.contracts.wrappers.LockingPool;
import seqpool.contracts.wrappers.TestStakeToken;

/**
 * The operator's LockingPool transactions through {@link L1Transactions}; the wrappers only encode calls and read
 * views. Thread-safe (L1Transactions serializes sends).
 */
public final class Web3jStakingOperator implements StakingOperator {
    private final L1Transactions tx;
    private final LockingPool pool;
    private final TestStakeToken token; // only ERC-20 functions are used, so any ERC-20 works
    private final String poolAddress;

    public Web3jStakingOperator(Web3j web3j, L1Transactions tx, String lockingPool, String stakeToken) {
        this.tx = tx;
        this.poolAddress = lockingPool;
        var readonly = new ReadonlyTransactionManager(web3j, tx.from());
        this.pool = LockingPool.load(lockingPool, web3j, readonly, new DefaultGasProvider());
        this.token = TestStakeToken.load(stakeToken, web3j, readonly, new DefaultGasProvider());
    }

    @Override
    public Address account() {
        return Address.fromHex(tx.from());
    }

    @Override
    public Optional<SequencerId> sequencer() throws StakingException {
        try {
            long id = pool.ownerToSequencer(tx.from()).send().longValueExact();
            return id == 0 ? Optional.empty() : Optional.of(new SequencerId(id));
        } catch (Exception e) {
            throw new StakingException("cannot read ownerToSequencer(" + tx.from() + ")", e);
        }
    }

    private BigInteger requireSequencer() throws StakingException {
        return BigInteger.valueOf(sequencer().orElseThrow(() -> new StakingException(
                "account " + tx.from() + " has no sequencer in LockingPool " + poolAddress, (String) null)).value());
    }

    @Override
    public TxOutcome approveStake(BigInteger amount) throws StakingException {
        return tx.send(token.getContractAddress(), token.approve(poolAddress, amount).encodeFunctionCall(), "approve");
    }

    @Override
    public SequencerId lock(Bytes signerPubkey, BigInteger amount) throws StakingException {
        byte[] pub = signerPubkey.toArray();
        if (pub.length != 64) {
            throw new IllegalArgumentException("the signer public key is 64 bytes (x || y), got " + pub.length);
        }
        String signer = Keys.toChecksumAddress(Numeric.toHexString(Hash.sha3(pub)).substring(26));
        tx.send(poolAddress, pool.lockFor(signer, amount, pub).encodeFunctionCall(), "lockFor");
        return sequencer().orElseThrow(() -> new StakingException("lockFor mined but no sequencer found", (String) null));
    }

    @Override
    public TxOutcome relock(BigInteger amount, boolean compoundRewards) throws StakingException {
        return tx.send(poolAddress, pool.relock(requireSequencer(), amount, compoundRewards).encodeFunctionCall(), "relock");
    }

    @Override
    public TxOutcome withdraw(BigInteger amount) throws StakingException {
        return tx.send(poolAddress, pool.withdraw(requireSequencer(), amount).encodeFunctionCall(), "withdraw");
    }

    @Override
    public TxOutcome unlock() throws StakingException {
        return tx.send(poolAddress, pool.unlock(requireSequencer()).encodeFunctionCall(), "unlock");
    }

    @Override
    public TxOutcome claim() throws StakingException {
        return tx.send(poolAddress, pool.unlockClaim(requireSequencer()).encodeFunctionCall(), "unlockClaim");
    }

    @Override
    public TxOutcome withdrawRewards() throws StakingException {
        return tx.send(poolAddress, pool.withdrawRewards(requireSequencer()).encodeFunctionCall(), "withdrawRewards");
    }

    @Override
    public TxOutcome updateSigner(Bytes signerPubkey) throws StakingException {
        byte[] pub = signerPubkey.toArray();
        if (pub.length != 64) {
            throw new IllegalArgumentException("the signer public key is 64 bytes (x || y), got " + pub.length);
        }
        String signer = Numeric.toHexString(Hash.sha3(pub)).substring(26);
        return tx.send(poolAddress, pool.updateSigner(requireSequencer(), "0x" + signer, pub).encodeFunctionCall(),
                "updateSigner");
    }

    @Override
    public TxOutcome setRewardRecipient(Address recipient) throws StakingException {
        return tx.send(poolAddress, pool.setRewardRecipient(requireSequencer(), recipient.toHex()).encodeFunctionCall(),
                "setRewardRecipient");
    }

    /** The stake token allowance the operator has given LockingPool. */
    public BigInteger allowance() throws StakingException {
        try {
            return token.allowance(tx.from(), poolAddress).send();
        } catch (Exception e) {
            throw new StakingException("cannot read the stake token allowance", e);
        }
    }
}
