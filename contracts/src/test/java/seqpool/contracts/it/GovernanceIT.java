package seqpool.contracts.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static seqpool.contracts.testing.Chain.ok;
import static seqpool.contracts.testing.Deployment.tokens;

import java.math.BigInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import seqpool.contracts.testing.AnvilExtension;
import seqpool.contracts.testing.Chain;
import seqpool.contracts.testing.Deployment;
import seqpool.contracts.wrappers.LockingPool;
import seqpool.contracts.wrappers.ModuleRegistry;
import seqpool.contracts.wrappers.SeqpoolTimelock;

/** Hand-over of the admin role from the deployer to the TimelockController, and what changes afterwards. */
@ExtendWith(AnvilExtension.class)
class GovernanceIT {
    private static final byte[] ZERO32 = new byte[32];
    private Chain chain;
    private Deployment d;
    private SeqpoolTimelock timelock;
    private String tl;

    @BeforeEach
    void deploy(Chain chain) throws Exception {
        this.chain = chain;
        d = new Deployment(chain);
        timelock = d.timelock;
        tl = timelock.getContractAddress();
    }

    /** schedule, wait the minimum delay, execute: the only path for admin calls after the hand-over. */
    private TransactionReceipt viaTimelock(String target, String calldata, String saltText) throws Exception {
        byte[] data = Numeric.hexStringToByteArray(calldata);
        byte[] salt = Hash.sha3(saltText.getBytes());
        BigInteger delay = timelock.getMinDelay().send();
        ok(timelock.schedule(target, BigInteger.ZERO, data, ZERO32, salt, delay));
        chain.expectRevert(d.admin.getAddress(), tl, timelock.execute(target, BigInteger.ZERO, data, ZERO32, salt,
                BigInteger.ZERO), "TimelockUnexpectedOperationState");
        chain.increaseTime(delay.longValueExact());
        return ok(timelock.execute(target, BigInteger.ZERO, data, ZERO32, salt, BigInteger.ZERO));
    }

    @Test
    void handOverToTimelockThenDirectAdminCallsFail() throws Exception {
        String pool = d.pool.getContractAddress();
        String admin = d.admin.getAddress();
        assertEquals(BigInteger.valueOf(60), timelock.getMinDelay().send());

        ok(d.pool.transferOwnership(tl));
        assertEquals(tl, d.pool.pendingOwner().send());
        assertEquals(admin, d.pool.owner().send()); // two-step: nothing changes until the timelock accepts
        TransactionReceipt r = viaTimelock(pool, d.pool.acceptOwnership().encodeFunctionCall(), "accept pool");
        assertEquals(1, LockingPool.getOwnershipTransferredEvents(r).size());
        assertEquals(tl, d.pool.owner().send());

        chain.expectRevert(admin, pool, d.pool.setLockBounds(tokens(1), tokens(2)), "OwnableUnauthorizedAccount");
        chain.expectRevert(admin, pool, d.pool.setWhitelist(admin, true), "OwnableUnauthorizedAccount");
        chain.expectRevert(admin, pool, d.pool.pause(), "OwnableUnauthorizedAccount");

        r = viaTimelock(pool, d.pool.setLockBounds(tokens(1), tokens(2)).encodeFunctionCall(), "bounds");
        assertEquals(tokens(1), d.pool.minLock().send());

        // a non-proposer cannot schedule
        Credentials other = chain.newAccount();
        SeqpoolTimelock asOther = SeqpoolTimelock.load(tl, chain.web3j(), chain.txManager(other), Chain.GAS);
        chain.expectRevert(other.getAddress(), tl, asOther.schedule(pool, BigInteger.ZERO,
                Numeric.hexStringToByteArray(d.pool.pause().encodeFunctionCall()), ZERO32, ZERO32, BigInteger.valueOf(60)),
                "AccessControlUnauthorizedAccount");
        // a delay below the minimum is refused
        chain.expectRevert(admin, tl, timelock.schedule(pool, BigInteger.ZERO,
                Numeric.hexStringToByteArray(d.pool.pause().encodeFunctionCall()), ZERO32, ZERO32, BigInteger.ONE),
                "TimelockInsufficientDelay");

        // the module registry follows the same path
        String modules = d.modules.getContractAddress();
        ok(d.modules.transferOwnership(tl));
        viaTimelock(modules, d.modules.acceptOwnership().encodeFunctionCall(), "accept modules");
        byte[] sha = Hash.sha256("x".getBytes());
        chain.expectRevert(admin, modules, d.modules.approve("seqpool.tss", "1.0.1", sha, BigInteger.TEN),
                "OwnableUnauthorizedAccount");
        r = viaTimelock(modules, d.modules.approve("seqpool.tss", "1.0.1", sha, BigInteger.TEN).encodeFunctionCall(),
                "approve tss");
        assertEquals(1, ModuleRegistry.getModuleApprovedEvents(r).size());
    }
}
