package seqpool.contracts.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static seqpool.contracts.testing.Chain.ok;
import static seqpool.contracts.testing.Deployment.tokens;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import seqpool.contracts.testing.AnvilExtension;
import seqpool.contracts.testing.Chain;
import seqpool.contracts.testing.Deployment;
import seqpool.contracts.testing.Deployment.Operator;
import seqpool.contracts.wrappers.LockingPool;

/** LockingPool staking life cycle: admin settings, lock, relock, withdraw, signer update, unlock and claim, pause. */
@ExtendWith(AnvilExtension.class)
class LockingPoolStakeIT {
    private static final BigInteger ONE = BigInteger.ONE;
    private Chain chain;
    private Deployment d;
    private String poolAddr;

    @BeforeEach
    void deploy(Chain chain) throws Exception {
        this.chain = chain;
        d = new Deployment(chain);
        poolAddr = d.pool.getContractAddress();
    }

    @Test
    void adminSettingsEmitEventsAndAreOwnerOnly() throws Exception {
        assertEquals(tokens(20_000), d.pool.minLock().send());
        assertEquals(tokens(100_000), d.pool.maxLock().send());
        assertEquals(BigInteger.valueOf(21 * 24 * 3600), d.pool.exitDelay().send());

        TransactionReceipt r = ok(d.pool.setLockBounds(tokens(10), tokens(50)));
        assertEquals(tokens(10), LockingPool.getLockBoundsUpdatedEvents(r).get(0).minLock);
        assertEquals(tokens(50), d.pool.maxLock().send());
        r = ok(d.pool.setExitDelay(BigInteger.valueOf(3600)));
        assertEquals(BigInteger.valueOf(3600), LockingPool.getExitDelayUpdatedEvents(r).get(0).exitDelay);
        r = ok(d.pool.setWhitelist(d.admin.getAddress(), true));
        assertTrue(LockingPool.getWhitelistUpdatedEvents(r).get(0).allowed);
        r = ok(d.pool.setRewardPerBlock(tokens(1)));
        assertEquals(tokens(1), LockingPool.getRewardPerBlockUpdatedEvents(r).get(0).rewardPerBlock);
        r = ok(d.pool.setSignerUpdateThrottle(BigInteger.TEN));
        assertEquals(BigInteger.TEN, LockingPool.getSignerUpdateThrottleUpdatedEvents(r).get(0).blocks);
        r = ok(d.pool.setDoubleSignSlashBps(BigInteger.valueOf(500)));
        assertEquals(BigInteger.valueOf(500), LockingPool.getDoubleSignSlashUpdatedEvents(r).get(0).bps);
        r = ok(d.pool.setJailDuration(BigInteger.valueOf(60)));
        assertEquals(BigInteger.valueOf(60), LockingPool.getJailDurationUpdatedEvents(r).get(0).duration);
        r = ok(d.pool.setSlashRecipient(d.admin.getAddress()));
        assertEquals(d.admin.getAddress(), LockingPool.getSlashRecipientUpdatedEvents(r).get(0).recipient);

        String a = d.admin.getAddress();
        chain.expectRevert(a, poolAddr, d.pool.setLockBounds(tokens(50), tokens(10)), "InvalidBounds");
        chain.expectRevert(a, poolAddr, d.pool.setLockBounds(BigInteger.ZERO, tokens(10)), "InvalidBounds");
        chain.expectRevert(a, poolAddr, d.pool.setExitDelay(BigInteger.valueOf(366L * 24 * 3600)), "InvalidParameter");
        chain.expectRevert(a, poolAddr, d.pool.setDoubleSignSlashBps(BigInteger.valueOf(10_001)), "InvalidParameter");
        chain.expectRevert(a, poolAddr, d.pool.setSlashRecipient("0x0000000000000000000000000000000000000000"),
                "InvalidParameter");

        Operator stranger = d.operator(0);
        String s = stranger.address();
        LockingPool p = stranger.pool();
        for (var call : List.of(p.setWhitelist(s, true), p.setLockBounds(ONE, ONE), p.setExitDelay(ONE),
                p.setSignerUpdateThrottle(ONE), p.setRewardPerBlock(ONE), p.setDoubleSignSlashBps(ONE),
                p.setJailDuration(ONE), p.setSlashRecipient(s), p.pause(), p.unpause())) {
            chain.expectRevert(s, poolAddr, call, "OwnableUnauthorizedAccount");
        }
    }

    @Test
    void lockChecksWhitelistBoundsKeyAndUniqueness() throws Exception {
        Operator op = d.operator(300_000);
        String a = op.address();
        LockingPool p = op.pool();
        chain.expectRevert(a, poolAddr, p.lockFor(op.signer(), tokens(19_999), op.signerPubkey()), "AmountOutOfBounds");
        chain.expectRevert(a, poolAddr, p.lockFor(op.signer(), tokens(100_001), op.signerPubkey()), "AmountOutOfBounds");
        byte[] wrongKey = chain.newKey().getPublicKey().toByteArray();
        chain.expectRevert(a, poolAddr, p.lockFor(op.signer(), tokens(20_000), java.util.Arrays.copyOfRange(
                org.web3j.utils.Numeric.toBytesPadded(chain.newKey().getPublicKey(), 64), 0, 64)), "PubkeySignerMismatch");
        chain.expectRevert(a, poolAddr, p.lockFor(op.signer(), tokens(20_000), new byte[63]), "PubkeySignerMismatch");
        assertTrue(wrongKey.length > 0);

        Operator outsider = d.operator(50_000);
        ok(d.pool.setWhitelist(outsider.address(), false));
        chain.expectRevert(outsider.address(), poolAddr,
                outsider.pool().lockFor(outsider.signer(), tokens(20_000), outsider.signerPubkey()), "NotWhitelisted");

        BigInteger before = d.token.balanceOf(a).send();
        TransactionReceipt r = ok(p.lockFor(op.signer(), tokens(30_000), op.signerPubkey()));
        var locked = LockingPool.getLockedEvents(r).get(0);
        assertEquals(ONE, locked.seqId);
        assertEquals(a, locked.owner);
        assertEquals(op.signer(), locked.signer);
        assertEquals(tokens(30_000), locked.amount);
        assertArrayEquals(op.signerPubkey(), locked.signerPubkey);
        assertEquals(ONE, locked.nonce);
        assertEquals(before.subtract(tokens(30_000)), d.token.balanceOf(a).send());
        assertEquals(ONE, d.pool.ownerToSequencer(a).send());
        assertEquals(ONE, d.pool.signerToSequencer(op.signer()).send());
        LockingPool.Sequencer s = d.pool.getSequencer(ONE).send();
        assertEquals(a, s.owner);
        assertEquals(a, s.rewardRecipient);
        assertEquals(BigInteger.ONE, s.status); // Active
        assertTrue(d.pool.isActive(ONE).send());
        assertEquals(List.of(ONE), d.pool.activeSequencers().send());

        Operator second = d.operator(50_000);
        chain.expectRevert(second.address(), poolAddr, second.pool().lockFor(chain.newAccount().getAddress(),
                tokens(20_000), second.signerPubkey()), "PubkeySignerMismatch");
        chain.expectRevert(a, poolAddr, p.lockFor(second.signer(), tokens(20_000), second.signerPubkey()),
                "OwnerHasSequencer");
        chain.expectRevert(second.address(), poolAddr,
                second.pool().lockFor(op.signer(), tokens(20_000), op.signerPubkey()), "SignerAlreadyUsed");
    }

    @Test
    void relockWithdrawAndRewardRecipient() throws Exception {
        Operator op = d.operator(300_000);
        String a = op.address();
        LockingPool p = op.pool();
        ok(p.lockFor(op.signer(), tokens(20_000), op.signerPubkey()));
        TransactionReceipt r = ok(p.relock(ONE, tokens(10_000), false));
        var re = LockingPool.getRelockedEvents(r).get(0);
        assertEquals(tokens(10_000), re.added);
        assertEquals(tokens(30_000), re.total);
        assertEquals(BigInteger.TWO, re.nonce);
        chain.expectRevert(a, poolAddr, p.relock(ONE, tokens(70_001), false), "AmountOutOfBounds");
        chain.expectRevert(a, poolAddr, p.relock(ONE, BigInteger.ZERO, true), "NothingToLock");
        chain.expectRevert(a, poolAddr, p.relock(BigInteger.valueOf(9), tokens(1), false), "UnknownSequencer");
        Operator other = d.operator(10);
        chain.expectRevert(other.address(), poolAddr, other.pool().relock(ONE, tokens(1), false), "NotSequencerOwner");
        chain.expectRevert(other.address(), poolAddr, other.pool().withdraw(ONE, tokens(1)), "NotSequencerOwner");

        r = ok(p.withdraw(ONE, tokens(10_000)));
        var w = LockingPool.getWithdrawnEvents(r).get(0);
        assertEquals(tokens(20_000), w.total);
        assertEquals(BigInteger.valueOf(3), w.nonce);
        chain.expectRevert(a, poolAddr, p.withdraw(ONE, tokens(1)), "WithdrawBelowMinLock");
        chain.expectRevert(a, poolAddr, p.withdraw(ONE, BigInteger.ZERO), "WithdrawBelowMinLock");

        Credentials recipient = chain.newAccount();
        r = ok(p.setRewardRecipient(ONE, recipient.getAddress()));
        var rr = LockingPool.getRewardRecipientUpdatedEvents(r).get(0);
        assertEquals(recipient.getAddress(), rr.recipient);
        assertEquals(BigInteger.valueOf(4), rr.nonce);
        chain.expectRevert(a, poolAddr, p.setRewardRecipient(ONE, "0x0000000000000000000000000000000000000000"),
                "InvalidParameter");
    }

    @Test
    void signerUpdateIsThrottledAndNeverReusesASigner() throws Exception {
        Operator op = d.operator(100_000);
        LockingPool p = op.pool();
        ok(p.lockFor(op.signer(), tokens(20_000), op.signerPubkey()));
        Operator newKey = d.operator(0);
        chain.expectRevert(op.address(), poolAddr, p.updateSigner(ONE, newKey.signer(), newKey.signerPubkey()),
                "SignerUpdateThrottled");
        chain.mineBlocks(100);
        chain.expectRevert(op.address(), poolAddr, p.updateSigner(ONE, op.signer(), op.signerPubkey()),
                "SignerAlreadyUsed");
        chain.expectRevert(op.address(), poolAddr, p.updateSigner(ONE, newKey.signer(), op.signerPubkey()),
                "PubkeySignerMismatch");
        TransactionReceipt r = ok(p.updateSigner(ONE, newKey.signer(), newKey.signerPubkey()));
        var e = LockingPool.getSignerUpdatedEvents(r).get(0);
        assertEquals(op.signer(), e.oldSigner);
        assertEquals(newKey.signer(), e.newSigner);
        assertEquals(BigInteger.TWO, e.nonce);
        assertEquals(newKey.signer(), d.pool.getSequencer(ONE).send().signer);
        assertEquals(ONE, d.pool.signerToSequencer(op.signer()).send()); // old signer stays accountable
        // a throttle of 0 blocks still forbids reusing either signer
        ok(d.pool.setSignerUpdateThrottle(BigInteger.ZERO));
        chain.expectRevert(op.address(), poolAddr, p.updateSigner(ONE, op.signer(), op.signerPubkey()), "SignerAlreadyUsed");
    }

    @Test
    void unlockWaitsForTheExitDelayThenReturnsStake() throws Exception {
        Operator op = d.operator(100_000);
        String a = op.address();
        LockingPool p = op.pool();
        ok(p.lockFor(op.signer(), tokens(25_000), op.signerPubkey()));
        chain.expectRevert(a, poolAddr, p.unlockClaim(ONE), "WrongStatus");
        TransactionReceipt r = ok(p.unlock(ONE));
        var u = LockingPool.getUnlockInitiatedEvents(r).get(0);
        assertEquals(BigInteger.valueOf(chain.timestamp() + 21L * 24 * 3600), u.claimableAt);
        assertEquals(BigInteger.TWO, u.nonce);
        assertEquals(BigInteger.valueOf(3), LockingPool.getStatusChangedEvents(r).get(0).status);
        assertFalse(d.pool.isActive(ONE).send());
        assertEquals(List.of(), d.pool.activeSequencers().send());
        chain.expectRevert(a, poolAddr, p.unlock(ONE), "WrongStatus");
        chain.expectRevert(a, poolAddr, p.relock(ONE, tokens(1), false), "WrongStatus");
        chain.expectRevert(a, poolAddr, p.withdraw(ONE, tokens(1)), "WrongStatus");
        chain.expectRevert(a, poolAddr, p.unlockClaim(ONE), "ExitDelayNotOver");

        chain.increaseTime(21L * 24 * 3600 - 60);
        chain.expectRevert(a, poolAddr, p.unlockClaim(ONE), "ExitDelayNotOver");
        chain.increaseTime(60);
        BigInteger before = d.token.balanceOf(a).send();
        r = ok(p.unlockClaim(ONE));
        var c = LockingPool.getUnlockClaimedEvents(r).get(0);
        assertEquals(tokens(25_000), c.amount);
        assertEquals(BigInteger.valueOf(4), c.nonce);
        assertEquals(BigInteger.valueOf(4), LockingPool.getStatusChangedEvents(r).get(0).status); // Exited
        assertEquals(BigInteger.valueOf(5), LockingPool.getStatusChangedEvents(r).get(0).nonce);
        assertEquals(before.add(tokens(25_000)), d.token.balanceOf(a).send());
        chain.expectRevert(a, poolAddr, p.unlockClaim(ONE), "WrongStatus");

        // the owner may come back, with a new signer only
        chain.expectRevert(a, poolAddr, p.lockFor(op.signer(), tokens(20_000), op.signerPubkey()), "SignerAlreadyUsed");
        Operator fresh = d.operator(0);
        r = ok(p.lockFor(fresh.signer(), tokens(20_000), fresh.signerPubkey()));
        assertEquals(BigInteger.TWO, LockingPool.getLockedEvents(r).get(0).seqId);
    }

    @Test
    void configurableExitDelayAndPause() throws Exception {
        ok(d.pool.setExitDelay(BigInteger.valueOf(600)));
        Operator op = d.operator(100_000);
        String a = op.address();
        LockingPool p = op.pool();
        ok(p.lockFor(op.signer(), tokens(20_000), op.signerPubkey()));

        TransactionReceipt r = ok(d.pool.pause());
        assertEquals(1, LockingPool.getPausedEvents(r).size());
        assertTrue(d.pool.paused().send());
        for (var call : List.of(p.relock(ONE, tokens(1), false), p.withdraw(ONE, tokens(1)), p.unlock(ONE),
                p.unlockClaim(ONE), p.withdrawRewards(ONE), p.setRewardRecipient(ONE, a), p.unjail(ONE),
                p.updateSigner(ONE, a, new byte[64]))) {
            chain.expectRevert(a, poolAddr, call, "EnforcedPause");
        }
        Operator late = d.operator(50_000);
        chain.expectRevert(late.address(), poolAddr, late.pool().lockFor(late.signer(), tokens(20_000),
                late.signerPubkey()), "EnforcedPause");
        chain.expectRevert(d.admin.getAddress(), poolAddr, d.pool.pause(), "EnforcedPause");
        r = ok(d.pool.unpause());
        assertEquals(1, LockingPool.getUnpausedEvents(r).size());
        chain.expectRevert(d.admin.getAddress(), poolAddr, d.pool.unpause(), "ExpectedPause");

        ok(p.unlock(ONE));
        chain.increaseTime(600);
        ok(p.unlockClaim(ONE));
    }
}
