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
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import seqpool.contracts.digest.PoolMessageDigest;
import seqpool.contracts.testing.AnvilExtension;
import seqpool.contracts.testing.Chain;
import seqpool.contracts.testing.Deployment;
import seqpool.contracts.testing.Deployment.Operator;
import seqpool.contracts.testing.VoteSigner;
import seqpool.contracts.wrappers.LockingPool;
import seqpool.contracts.wrappers.TestStakeToken;

/** LockingPool rewards (pool-signed), pool-attested slashing and jailing, and double-sign evidence. */
@ExtendWith(AnvilExtension.class)
class LockingPoolRewardsSlashingIT {
    private static final BigInteger ONE = BigInteger.ONE;
    private static final BigInteger TWO = BigInteger.TWO;
    private Chain chain;
    private Deployment d;
    private String poolAddr;
    private Operator op1;
    private Operator op2;
    private LockingPool asAnyone;
    private String anyone;

    @BeforeEach
    void deploy(Chain chain) throws Exception {
        this.chain = chain;
        d = new Deployment(chain);
        poolAddr = d.pool.getContractAddress();
        op1 = d.operator(100_000);
        op2 = d.operator(100_000);
        ok(op1.pool().lockFor(op1.signer(), tokens(40_000), op1.signerPubkey()));
        ok(op2.pool().lockFor(op2.signer(), tokens(20_000), op2.signerPubkey()));
        Credentials c = chain.newAccount();
        anyone = c.getAddress();
        asAnyone = LockingPool.load(poolAddr, chain.web3j(), chain.txManager(c), Chain.GAS);
    }

    private byte[] rewardsDigest(long batch, long start, long end, List<BigInteger> ids, List<BigInteger> blocks) {
        return PoolMessageDigest.submitRewards(Chain.CHAIN_ID, poolAddr, BigInteger.valueOf(batch),
                BigInteger.valueOf(start), BigInteger.valueOf(end), ids, blocks);
    }

    @Test
    void rewardsNeedThePoolSignatureAndContiguousBatches() throws Exception {
        ok(d.pool.setRewardPerBlock(tokens(2)));
        ok(d.token.approve(poolAddr, tokens(1_000)));
        TransactionReceipt r = ok(d.pool.fundRewards(tokens(1_000)));
        assertEquals(tokens(1_000), LockingPool.getRewardsFundedEvents(r).get(0).reserve);

        List<BigInteger> ids = List.of(ONE, TWO);
        List<BigInteger> blocks = List.of(BigInteger.valueOf(100), BigInteger.valueOf(50));
        byte[] digest = rewardsDigest(1, 1, 3, ids, blocks);
        assertArrayEquals(digest, d.pool.rewardsDigest(ONE, ONE, BigInteger.valueOf(3), ids, blocks).send());

        chain.expectRevert(anyone, poolAddr, asAnyone.submitRewards(ONE, ONE, BigInteger.valueOf(3), ids, blocks,
                d.poolKey.ecdsa(rewardsDigest(1, 1, 4, ids, blocks))), "InvalidPoolSignature");
        chain.expectRevert(anyone, poolAddr, asAnyone.submitRewards(TWO, ONE, BigInteger.valueOf(3), ids, blocks,
                d.poolKey.ecdsa(digest)), "NonContiguousRewardBatch");
        chain.expectRevert(anyone, poolAddr, asAnyone.submitRewards(ONE, TWO, BigInteger.valueOf(3), ids, blocks,
                d.poolKey.ecdsa(digest)), "NonContiguousEpochs");
        chain.expectRevert(anyone, poolAddr, asAnyone.submitRewards(ONE, ONE, BigInteger.valueOf(3), ids,
                List.of(ONE), d.poolKey.ecdsa(digest)), "LengthMismatch");
        byte[] unknownSeq = rewardsDigest(1, 1, 3, List.of(BigInteger.TEN), List.of(ONE));
        chain.expectRevert(anyone, poolAddr, asAnyone.submitRewards(ONE, ONE, BigInteger.valueOf(3),
                List.of(BigInteger.TEN), List.of(ONE), d.poolKey.ecdsa(unknownSeq)), "UnknownSequencer");
        byte[] tooMuch = rewardsDigest(1, 1, 3, List.of(ONE), List.of(BigInteger.valueOf(501)));
        chain.expectRevert(anyone, poolAddr, asAnyone.submitRewards(ONE, ONE, BigInteger.valueOf(3), List.of(ONE),
                List.of(BigInteger.valueOf(501)), d.poolKey.ecdsa(tooMuch)), "InsufficientRewardReserve");

        // anyone may relay the pool-signed batch (ECDSA); the same signature cannot be replayed
        r = ok(asAnyone.submitRewards(ONE, ONE, BigInteger.valueOf(3), ids, blocks, d.poolKey.ecdsa(digest)));
        var credited = LockingPool.getRewardCreditedEvents(r);
        assertEquals(tokens(200), credited.get(0).amount);
        assertEquals(TWO, credited.get(0).nonce);
        assertEquals(tokens(100), credited.get(1).amount);
        var submitted = LockingPool.getRewardsSubmittedEvents(r).get(0);
        assertEquals(tokens(300), submitted.total);
        assertEquals(tokens(700), d.pool.rewardReserve().send());
        chain.expectRevert(anyone, poolAddr, asAnyone.submitRewards(ONE, ONE, BigInteger.valueOf(3), ids, blocks,
                d.poolKey.ecdsa(digest)), "NonContiguousRewardBatch");

        // batch 2, FROST-signed, starts at epoch 4
        byte[] d2 = rewardsDigest(2, 4, 4, List.of(ONE), List.of(BigInteger.TEN));
        chain.expectRevert(anyone, poolAddr, asAnyone.submitRewards(TWO, BigInteger.valueOf(5), BigInteger.valueOf(5),
                List.of(ONE), List.of(BigInteger.TEN), d.poolKey.frost(d2)), "NonContiguousEpochs");
        ok(asAnyone.submitRewards(TWO, BigInteger.valueOf(4), BigInteger.valueOf(4), List.of(ONE),
                List.of(BigInteger.TEN), d.poolKey.frost(d2)));
        assertEquals(tokens(220), d.pool.getSequencer(ONE).send().reward);

        // withdraw by the recipient; compounding the rest
        Credentials recipient = chain.newAccount();
        ok(op2.pool().setRewardRecipient(TWO, recipient.getAddress()));
        chain.expectRevert(anyone, poolAddr, asAnyone.withdrawRewards(TWO), "NotRewardRecipient");
        LockingPool asRecipient = LockingPool.load(poolAddr, chain.web3j(), chain.txManager(recipient), Chain.GAS);
        r = ok(asRecipient.withdrawRewards(TWO));
        assertEquals(tokens(100), LockingPool.getRewardsWithdrawnEvents(r).get(0).amount);
        assertEquals(tokens(100), d.token.balanceOf(recipient.getAddress()).send());
        chain.expectRevert(recipient.getAddress(), poolAddr, asRecipient.withdrawRewards(TWO), "NoReward");

        r = ok(op1.pool().relock(ONE, BigInteger.ZERO, true));
        var re = LockingPool.getRelockedEvents(r).get(0);
        assertEquals(tokens(220), re.fromReward);
        assertEquals(tokens(40_220), re.total);
        assertEquals(BigInteger.ZERO, d.pool.getSequencer(ONE).send().reward);
    }

    @Test
    void poolAttestedSlashMovesStakeAndDeactivatesBelowMinLock() throws Exception {
        byte[] reason = Hash.sha3("stall epoch 7".getBytes());
        byte[] digest = PoolMessageDigest.slash(Chain.CHAIN_ID, poolAddr, ONE, TWO, tokens(1), reason);
        assertArrayEquals(digest, d.pool.slashDigest(TWO, tokens(1), reason).send());
        chain.expectRevert(anyone, poolAddr, asAnyone.slash(TWO, tokens(2), reason, d.poolKey.ecdsa(digest)),
                "InvalidPoolSignature");
        chain.expectRevert(anyone, poolAddr, asAnyone.slash(TWO, tokens(1), reason, d.poolKey.ecdsaHighS(digest)),
                "HighSSignature");

        TransactionReceipt r = ok(asAnyone.slash(TWO, tokens(1), reason, d.poolKey.ecdsa(digest)));
        var s = LockingPool.getSlashedEvents(r).get(0);
        assertEquals(tokens(1), s.amount);
        assertEquals(tokens(19_999), s.remaining);
        assertArrayEquals(reason, s.reasonHash);
        assertEquals(TWO, s.nonce);
        var status = LockingPool.getStatusChangedEvents(r).get(0);
        assertEquals(TWO, status.status); // Inactive
        assertEquals(BigInteger.valueOf(3), status.nonce);
        assertEquals(tokens(1), d.token.balanceOf(d.slashSink.getAddress()).send());
        assertFalse(d.pool.isActive(TWO).send());
        assertEquals(List.of(ONE), d.pool.activeSequencers().send());
        assertEquals(ONE, d.pool.poolActionNonce().send());
        // replay: the nonce moved on, so the same signature no longer matches
        chain.expectRevert(anyone, poolAddr, asAnyone.slash(TWO, tokens(1), reason, d.poolKey.ecdsa(digest)),
                "InvalidPoolSignature");
        byte[] tooMuch = PoolMessageDigest.slash(Chain.CHAIN_ID, poolAddr, TWO, TWO, tokens(20_000), reason);
        chain.expectRevert(anyone, poolAddr, asAnyone.slash(TWO, tokens(20_000), reason, d.poolKey.frost(tooMuch)),
                "SlashAmountInvalid");
        // inactive: cannot withdraw; relocking up to minLock reactivates
        chain.expectRevert(op2.address(), poolAddr, op2.pool().withdraw(TWO, tokens(1)), "WrongStatus");
        r = ok(op2.pool().relock(TWO, tokens(1), false));
        assertEquals(ONE, LockingPool.getStatusChangedEvents(r).get(0).status);
        assertTrue(d.pool.isActive(TWO).send());
    }

    @Test
    void jailAndUnjail() throws Exception {
        byte[] reason = Hash.sha3("stalled producer".getBytes());
        byte[] digest = PoolMessageDigest.jail(Chain.CHAIN_ID, poolAddr, ONE, ONE, reason);
        assertArrayEquals(digest, d.pool.jailDigest(ONE, reason).send());
        chain.expectRevert(op1.address(), poolAddr, op1.pool().unjail(ONE), "NotJailed");
        chain.expectRevert(anyone, poolAddr, asAnyone.jail(ONE, reason, d.poolKey.ecdsa(new byte[32])),
                "InvalidPoolSignature");
        TransactionReceipt r = ok(asAnyone.jail(ONE, reason, d.poolKey.frostCompressed(digest)));
        var j = LockingPool.getJailedEvents(r).get(0);
        assertEquals(BigInteger.valueOf(chain.timestamp() + 24 * 3600), j.until);
        assertEquals(TWO, j.nonce);
        assertFalse(d.pool.isActive(ONE).send());
        assertEquals(List.of(TWO), d.pool.activeSequencers().send());
        chain.expectRevert(op1.address(), poolAddr, op1.pool().unjail(ONE), "StillJailed");
        chain.expectRevert(op2.address(), poolAddr, op2.pool().unjail(ONE), "NotSequencerOwner");
        chain.increaseTime(24 * 3600);
        r = ok(op1.pool().unjail(ONE));
        assertEquals(BigInteger.valueOf(3), LockingPool.getUnjailedEvents(r).get(0).nonce);
        assertTrue(d.pool.isActive(ONE).send());
    }

    private LockingPool.Vote vote(int kind, long height, long round, byte[] blockId) {
        return new LockingPool.Vote(BigInteger.valueOf(kind), BigInteger.valueOf(height), BigInteger.valueOf(round), blockId);
    }

    private byte[] sign(Operator op, int kind, long height, long round, byte[] blockId) {
        return VoteSigner.sign(VoteSigner.digest(Chain.CHAIN_ID, poolAddr, kind, height, round, blockId), op.signerKey());
    }

    @Test
    void doubleSignEvidenceSlashesAndJailsWithoutTrustingAnyone() throws Exception {
        byte[] blockA = Hash.sha3("block A".getBytes());
        byte[] blockB = Hash.sha3("block B".getBytes());
        byte[] nil = new byte[32];
        assertArrayEquals(VoteSigner.domainSeparator(Chain.CHAIN_ID, poolAddr), d.pool.domainSeparator().send());
        assertArrayEquals(VoteSigner.digest(Chain.CHAIN_ID, poolAddr, 2, 10, 1, blockA),
                d.pool.voteDigest(vote(2, 10, 1, blockA)).send());

        byte[] sigA = sign(op1, 2, 10, 1, blockA);
        byte[] sigNil = sign(op1, 2, 10, 1, nil);
        // not conflicting: same block, other height, other round, other kind; kinds outside {1,2}
        chain.expectRevert(anyone, poolAddr, asAnyone.slashDoubleSign(vote(2, 10, 1, blockA), sigA,
                vote(2, 10, 1, blockA), sigA), "NotConflictingVotes");
        chain.expectRevert(anyone, poolAddr, asAnyone.slashDoubleSign(vote(2, 10, 1, blockA), sigA,
                vote(2, 11, 1, blockB), sign(op1, 2, 11, 1, blockB)), "NotConflictingVotes");
        chain.expectRevert(anyone, poolAddr, asAnyone.slashDoubleSign(vote(2, 10, 1, blockA), sigA,
                vote(2, 10, 2, blockB), sign(op1, 2, 10, 2, blockB)), "NotConflictingVotes");
        chain.expectRevert(anyone, poolAddr, asAnyone.slashDoubleSign(vote(2, 10, 1, blockA), sigA,
                vote(1, 10, 1, blockB), sign(op1, 1, 10, 1, blockB)), "NotConflictingVotes");
        chain.expectRevert(anyone, poolAddr, asAnyone.slashDoubleSign(vote(3, 10, 1, blockA), sign(op1, 3, 10, 1, blockA),
                vote(3, 10, 1, blockB), sign(op1, 3, 10, 1, blockB)), "InvalidVoteKind");
        // different signers; an unregistered signer; a malleable (high-s) signature
        chain.expectRevert(anyone, poolAddr, asAnyone.slashDoubleSign(vote(2, 10, 1, blockA), sigA,
                vote(2, 10, 1, blockB), sign(op2, 2, 10, 1, blockB)), "DifferentSigners");
        var stranger = new Operator(null, chain.newKey(), null);
        chain.expectRevert(anyone, poolAddr, asAnyone.slashDoubleSign(vote(2, 10, 1, blockA), sign(stranger, 2, 10, 1, blockA),
                vote(2, 10, 1, blockB), sign(stranger, 2, 10, 1, blockB)), "UnknownSigner");
        chain.expectRevert(anyone, poolAddr, asAnyone.slashDoubleSign(vote(2, 10, 1, blockA), VoteSigner.highS(sigA),
                vote(2, 10, 1, nil), sigNil), "ECDSAInvalidSignatureS");
        // a signature over another vote recovers another address
        chain.expectRevert(anyone, poolAddr, asAnyone.slashDoubleSign(vote(2, 10, 1, blockB), sigA,
                vote(2, 10, 1, nil), sigNil), "DifferentSigners");

        // real equivocation: a precommit for block A and a nil precommit at the same height and round
        BigInteger sinkBefore = d.token.balanceOf(d.slashSink.getAddress()).send();
        TransactionReceipt r = ok(asAnyone.slashDoubleSign(vote(2, 10, 1, blockA), sigA, vote(2, 10, 1, nil), sigNil));
        var proof = LockingPool.getDoubleSignProvenEvents(r).get(0);
        assertEquals(ONE, proof.seqId);
        assertEquals(op1.signer(), proof.signer);
        assertEquals(anyone, proof.reporter);
        assertEquals(BigInteger.TEN, proof.height);
        var slashed = LockingPool.getSlashedEvents(r).get(0);
        assertEquals(tokens(4_000), slashed.amount); // 10 % of 40,000
        assertEquals(TWO, slashed.nonce);
        var jailed = LockingPool.getJailedEvents(r).get(0);
        assertEquals(BigInteger.valueOf(3), jailed.nonce);
        assertEquals(sinkBefore.add(tokens(4_000)), d.token.balanceOf(d.slashSink.getAddress()).send());
        assertFalse(d.pool.isActive(ONE).send());
        chain.expectRevert(anyone, poolAddr, asAnyone.slashDoubleSign(vote(2, 10, 1, blockA), sigA,
                vote(2, 10, 1, blockB), sign(op1, 2, 10, 1, blockB)), "EvidenceAlreadyUsed");
        // a prevote equivocation at the same height and round is a separate offence
        ok(asAnyone.slashDoubleSign(vote(1, 10, 1, blockA), sign(op1, 1, 10, 1, blockA),
                vote(1, 10, 1, blockB), sign(op1, 1, 10, 1, blockB)));
        assertEquals(tokens(32_400), d.pool.getSequencer(ONE).send().amount);
        // anyone's tokens are untouched
        assertEquals(BigInteger.ZERO, TestStakeToken.load(d.token.getContractAddress(), chain.web3j(),
                chain.txManager(d.admin), Chain.GAS).balanceOf(anyone).send());
    }
}
