package seqpool.staking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static seqpool.contracts.testing.Chain.ok;
import static seqpool.contracts.testing.Deployment.tokens;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.Transfer;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Convert;
import org.web3j.utils.Numeric;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.DuplicateVoteEvidence;
import seqpool.api.consensus.SignedVote;
import seqpool.api.consensus.Vote;
import seqpool.api.consensus.VoteKind;
import seqpool.api.staking.PoolActionResult;
import seqpool.api.staking.PoolChainState;
import seqpool.api.staking.SequencerId;
import seqpool.api.staking.StakingException;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.codec.eip712.ConsensusTypedData;
import seqpool.codec.eip712.Eip712Domain;
import seqpool.contracts.digest.PoolMessageDigest;
import seqpool.contracts.digest.PoolSignatureEncoding;
import seqpool.contracts.testing.AnvilExtension;
import seqpool.contracts.testing.Chain;
import seqpool.contracts.testing.Deployment;
import seqpool.contracts.testing.Deployment.Operator;
import seqpool.contracts.testing.PoolKey;
import seqpool.contracts.wrappers.LockingPool;
import seqpool.contracts.wrappers.SequencerSet;
import seqpool.staking.l1.NodeSignerTransactionManager;
import seqpool.staking.l1.Web3jPoolActionSender;

/**
 * The node posts the pool's decisions to a real anvil from its signer account: the NodeSigner transaction manager,
 * every PoolActionSender call with its AlreadyDone rule, decoded reverts, and two nodes racing for the same action.
 * Fresh contracts per test (ECDSA pool key registered by {@link Deployment}); sequencer 1 belongs to the node, sequencer
 * 2 is the one jailed and slashed.
 */
@ExtendWith(AnvilExtension.class)
class PoolActionSenderIT {
    private static final long CHAIN_ID = Chain.CHAIN_ID;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Chain chain;
    private Deployment d;
    private LocalNodeSigner node;
    private Web3jPoolActionSender sender;
    private Operator offender;
    private long genesis;
    private String setAddress;
    private String poolAddress;

    @BeforeEach
    void deploy(Chain chain) throws Exception {
        this.chain = chain;
        d = new Deployment(chain);
        setAddress = d.sequencerSet.getContractAddress();
        poolAddress = d.pool.getContractAddress();
        genesis = d.sequencerSet.genesisL2Block().send().longValueExact();
        node = fundedSigner();
        sender = senderFor(node);
        Operator own = d.operator(100_000);
        ok(own.pool().lockFor(node.address().toHex(), tokens(40_000), node.publicKey().toArray()));
        offender = d.operator(100_000);
        ok(offender.pool().lockFor(offender.signer(), tokens(20_000), offender.signerPubkey()));
    }

    private LocalNodeSigner fundedSigner() throws Exception {
        LocalNodeSigner s = LocalNodeSigner.generate(RANDOM);
        var r = new Request<>("anvil_setBalance", List.of(s.address().toHex(), "0x3635C9ADC5DEA00000"),
                new org.web3j.protocol.http.HttpService(chain.rpcUrl()), Chain.RawResponse.class).send();
        assertFalse(r.hasError(), () -> r.getError().getMessage());
        return s;
    }

    private Web3jPoolActionSender senderFor(seqpool.api.identity.NodeSigner signer) throws Exception {
        var tm = NodeSignerTransactionManager.connect(chain.web3j(), signer, Duration.ofMillis(20), Duration.ofSeconds(30));
        return new Web3jPoolActionSender(chain.web3j(), tm, d.addresses);
    }

    private long nonceOf(Address a) throws Exception {
        return chain.web3j().ethGetTransactionCount(a.toHex(), DefaultBlockParameterName.PENDING).send()
                .getTransactionCount().longValueExact();
    }

    private TransactionReceipt receipt(PoolActionResult r) throws Exception {
        PoolActionResult.Sent sent = assertInstanceOf(PoolActionResult.Sent.class, r, () -> "expected Sent, got " + r);
        TransactionReceipt receipt = chain.web3j().ethGetTransactionReceipt(sent.outcome().txHash().toString()).send()
                .getTransactionReceipt().orElseThrow();
        assertTrue(receipt.isStatusOK());
        assertEquals(node.address().toHex(), receipt.getFrom(), "the node's signer account paid");
        assertTrue(sent.outcome().gasUsed() > 21_000);
        return receipt;
    }

    private static String alreadyDone(PoolActionResult r) {
        return assertInstanceOf(PoolActionResult.AlreadyDone.class, r, () -> "expected AlreadyDone, got " + r).why();
    }

    private Bytes commitSignature(long id, long first, long last, Address producer) {
        return Bytes.wrap(d.poolKey.ecdsa(PoolMessageDigest.commitEpoch(CHAIN_ID, setAddress, id, first, last,
                producer.toHex())));
    }

    private Address producer() {
        return node.address();
    }

    @Test
    void transactionManagerSignsWithTheNodeSignerAndAnvilMinesBothParities() throws Exception {
        var tm = NodeSignerTransactionManager.connect(chain.web3j(), node, Duration.ofMillis(20), Duration.ofSeconds(30));
        assertEquals(CHAIN_ID, tm.chainId());
        String to = chain.newAccount().getAddress();
        BigInteger before = chain.web3j().ethGetBalance(to, DefaultBlockParameterName.LATEST).send().getBalance();
        var receipts = new PollingTransactionReceiptProcessor(chain.web3j(), 20, 1500);
        Set<String> parities = new HashSet<>();
        BigInteger sent = BigInteger.ZERO;
        for (int i = 1; i <= 40 && parities.size() < 2; i++) {
            BigInteger value = BigInteger.valueOf(i);
            EthSendTransaction tx = tm.sendEIP1559Transaction(CHAIN_ID, BigInteger.valueOf(1_000_000_000L),
                    BigInteger.valueOf(20_000_000_000L), BigInteger.valueOf(21_000), to, "0x", value, false);
            assertFalse(tx.hasError(), () -> tx.getError().getMessage());
            TransactionReceipt r = receipts.waitForTransactionReceipt(tx.getTransactionHash());
            assertTrue(r.isStatusOK());
            assertEquals(node.address().toHex(), r.getFrom(), "anvil recovered the node's address");
            var mined = chain.web3j().ethGetTransactionByHash(tx.getTransactionHash()).send().getTransaction().orElseThrow();
            assertEquals("0x2", mined.getType());
            parities.add(mined.getyParity());
            sent = sent.add(value);
        }
        assertEquals(Set.of("0x0", "0x1"), parities, "transactions with both y parities were accepted");
        // web3j's own helpers send through the same account and nonce sequence (legacy price -> EIP-1559 caps)
        TransactionReceipt viaWeb3j = new Transfer(chain.web3j(), tm).sendFunds(to, BigDecimal.ONE, Convert.Unit.WEI).send();
        assertEquals(node.address().toHex(), viaWeb3j.getFrom());
        assertEquals(before.add(sent).add(BigInteger.ONE),
                chain.web3j().ethGetBalance(to, DefaultBlockParameterName.LATEST).send().getBalance());
    }

    @Test
    void commitEpochIsSentOnceThenAlreadyDoneWithAFrostSignatureFromRfc9591() throws Exception {
        PoolChainState empty = sender.chainState();
        assertEquals(0, empty.currentEpochId());
        assertEquals(1, empty.poolKeyGeneration());
        assertArrayEquals(d.poolKey.pubkey64(), empty.poolKey().toArray());

        long last = genesis + 99;
        byte[] digest = PoolMessageDigest.commitEpoch(CHAIN_ID, setAddress, 1, genesis, last, producer().toHex());
        byte[] rfc9591 = Arrays.copyOfRange(d.poolKey.frostCompressed(digest), 1, 66); // R (33) || z
        byte[] frost = PoolSignatureEncoding.frostFromRfc9591(rfc9591);
        assertTrue(d.registry.checkSignature(digest, frost).send(), "the uncompressed form verifies on chain");

        TransactionReceipt r = receipt(sender.commitEpoch(1, genesis, last, producer(), Bytes.wrap(frost)));
        var committed = SequencerSet.getEpochCommittedEvents(r);
        assertEquals(1, committed.size());
        assertEquals(BigInteger.ONE, committed.get(0).id);
        assertEquals(producer().toHex(), committed.get(0).producer);

        long nonce = nonceOf(node.address());
        String why = alreadyDone(sender.commitEpoch(1, genesis, last, producer(), Bytes.wrap(frost)));
        assertTrue(why.startsWith("epoch 1 is already committed"), why);
        String other = alreadyDone(sender.commitEpoch(1, genesis, genesis + 50, producer(),
                commitSignature(1, genesis, genesis + 50, producer())));
        assertTrue(other.contains("L1 holds L2 blocks [" + genesis + ", " + last + "]"), other);
        assertEquals(nonce, nonceOf(node.address()), "AlreadyDone sends nothing");
        PoolChainState after = sender.chainState();
        assertEquals(1, after.currentEpochId());
        assertTrue(after.l1Block() > empty.l1Block());
    }

    @Test
    void recommitEpochRotatesOnceThenAlreadyDoneAndAFutureRotationIsRefused() throws Exception {
        receipt(sender.commitEpoch(1, genesis, genesis + 99, producer(), commitSignature(1, genesis, genesis + 99, producer())));
        Address next = Address.fromHex(offender.signer());
        long from = genesis + 40;
        Bytes sig = Bytes.wrap(d.poolKey.ecdsa(PoolMessageDigest.recommitEpoch(CHAIN_ID, setAddress, 1, 1, from, next.toHex())));
        TransactionReceipt r = receipt(sender.recommitEpoch(1, 1, from, next, sig));
        var rotated = SequencerSet.getEpochRecommittedEvents(r).get(0);
        assertEquals(BigInteger.ONE, rotated.rotation);
        assertEquals(next.toHex(), rotated.newProducer);
        assertEquals(1, sender.chainState().currentRotations());

        long nonce = nonceOf(node.address());
        assertTrue(alreadyDone(sender.recommitEpoch(1, 1, from, next, sig)).startsWith("rotation 1 of epoch 1"));
        Bytes third = Bytes.wrap(d.poolKey.ecdsa(PoolMessageDigest.recommitEpoch(CHAIN_ID, setAddress, 1, 3, from,
                producer().toHex())));
        StakingException refused = assertThrows(StakingException.class,
                () -> sender.recommitEpoch(1, 3, from, producer(), third));
        assertTrue(refused.getMessage().contains("expects rotation 2"), refused.getMessage());
        assertEquals(nonce, nonceOf(node.address()));
    }

    @Test
    void jailEmitsJailedThenItsNonceIsUsed() throws Exception {
        long actionNonce = sender.chainState().poolActionNonce() + 1;
        Hash32 reason = new Hash32(Bytes.wrap(Hash.sha3("stalled producer, epoch 1".getBytes(StandardCharsets.UTF_8))));
        Bytes sig = Bytes.wrap(d.poolKey.ecdsa(PoolMessageDigest.jail(CHAIN_ID, poolAddress, BigInteger.valueOf(actionNonce),
                BigInteger.TWO, reason.value().toArray())));
        TransactionReceipt r = receipt(sender.jail(actionNonce, new SequencerId(2), reason, sig));
        var jailed = LockingPool.getJailedEvents(r);
        assertEquals(1, jailed.size());
        assertEquals(BigInteger.TWO, jailed.get(0).seqId);
        assertArrayEquals(reason.value().toArray(), jailed.get(0).reasonHash);
        assertTrue(d.pool.getSequencer(BigInteger.TWO).send().jailed);
        assertEquals(actionNonce, sender.chainState().poolActionNonce());

        long nonce = nonceOf(node.address());
        String why = alreadyDone(sender.jail(actionNonce, new SequencerId(2), reason, sig));
        assertTrue(why.contains("pool-action nonce " + actionNonce + " is already used"), why);
        StakingException refused = assertThrows(StakingException.class,
                () -> sender.jail(actionNonce + 2, new SequencerId(2), reason, sig));
        assertTrue(refused.getMessage().contains("expects " + (actionNonce + 1)), refused.getMessage());
        assertEquals(nonce, nonceOf(node.address()));
    }

    @Test
    void slashTakesTheAmountOnceThenItsNonceIsUsedAndAnAmountAboveTheStakeReverts() throws Exception {
        long actionNonce = sender.chainState().poolActionNonce() + 1;
        BigInteger stake = d.pool.getSequencer(BigInteger.TWO).send().amount;
        BigInteger amount = stake.divide(BigInteger.valueOf(20));
        Hash32 reason = new Hash32(Bytes.wrap(Hash.sha3("L2 equivocation at block 7".getBytes(StandardCharsets.UTF_8))));
        Bytes sig = Bytes.wrap(d.poolKey.ecdsa(PoolMessageDigest.slash(CHAIN_ID, poolAddress,
                BigInteger.valueOf(actionNonce), BigInteger.TWO, amount, reason.value().toArray())));
        TransactionReceipt r = receipt(sender.slash(actionNonce, new SequencerId(2), amount, reason, sig));
        var slashed = LockingPool.getSlashedEvents(r);
        assertEquals(1, slashed.size());
        assertEquals(BigInteger.TWO, slashed.get(0).seqId);
        assertEquals(amount, slashed.get(0).amount);
        assertArrayEquals(reason.value().toArray(), slashed.get(0).reasonHash);
        assertEquals(stake.subtract(amount), d.pool.getSequencer(BigInteger.TWO).send().amount);
        assertEquals(actionNonce, sender.chainState().poolActionNonce());

        long nonce = nonceOf(node.address());
        String why = alreadyDone(sender.slash(actionNonce, new SequencerId(2), amount, reason, sig));
        assertTrue(why.contains("pool-action nonce " + actionNonce + " is already used"), why);
        StakingException refused = assertThrows(StakingException.class,
                () -> sender.slash(actionNonce + 2, new SequencerId(2), amount, reason, sig));
        assertTrue(refused.getMessage().startsWith("slash not sent"), refused.getMessage());
        assertEquals(nonce, nonceOf(node.address()));

        BigInteger tooMuch = stake; // more than what is left
        Bytes sig2 = Bytes.wrap(d.poolKey.ecdsa(PoolMessageDigest.slash(CHAIN_ID, poolAddress,
                BigInteger.valueOf(actionNonce + 1), BigInteger.TWO, tooMuch, reason.value().toArray())));
        StakingException reverted = assertThrows(StakingException.class,
                () -> sender.slash(actionNonce + 1, new SequencerId(2), tooMuch, reason, sig2));
        assertTrue(reverted.getMessage().contains("SlashAmountInvalid"), reverted.getMessage());
    }

    @Test
    void submitRewardsCreditsTheSequencersOnce() throws Exception {
        ok(d.pool.setRewardPerBlock(tokens(2)));
        ok(d.token.approve(poolAddress, tokens(1_000)));
        ok(d.pool.fundRewards(tokens(1_000)));
        List<SequencerId> seqs = List.of(new SequencerId(1), new SequencerId(2));
        List<BigInteger> blocks = List.of(BigInteger.valueOf(10), BigInteger.valueOf(5));
        Bytes sig = Bytes.wrap(d.poolKey.ecdsa(PoolMessageDigest.submitRewards(CHAIN_ID, poolAddress, BigInteger.ONE,
                BigInteger.ONE, BigInteger.TWO, List.of(BigInteger.ONE, BigInteger.TWO), blocks)));

        TransactionReceipt r = receipt(sender.submitRewards(1, 1, 2, seqs, blocks, sig));
        assertEquals(2, LockingPool.getRewardCreditedEvents(r).size());
        assertEquals(tokens(20), d.pool.getSequencer(BigInteger.ONE).send().reward);
        assertEquals(tokens(10), d.pool.getSequencer(BigInteger.TWO).send().reward);
        PoolChainState s = sender.chainState();
        assertEquals(1, s.lastRewardBatchId());
        assertEquals(2, s.lastRewardEpoch());

        String why = alreadyDone(sender.submitRewards(1, 1, 2, seqs, blocks, sig));
        assertTrue(why.startsWith("reward batch 1 is already submitted"), why);
        assertEquals(tokens(20), d.pool.getSequencer(BigInteger.ONE).send().reward, "credited once");
    }

    @Test
    void slashDoubleSignWithTwoConflictingVotesSlashesAndJailsOnce() throws Exception {
        LocalNodeSigner offenderSigner = LocalNodeSigner.fromPrivateKey(
                Numeric.toBytesPadded(offender.signerKey().getPrivateKey(), 32));
        assertEquals(Address.fromHex(offender.signer()), offenderSigner.address());
        Eip712Domain domain = Eip712Domain.seqpool(CHAIN_ID, Address.fromHex(poolAddress));
        SignedVote a = precommit(offenderSigner, domain, 0xaa);
        SignedVote b = precommit(offenderSigner, domain, 0xbb);
        assertArrayEquals(ConsensusTypedData.voteDigest(domain, 2, 12, 1, a.vote().blockId()).value().toArray(),
                d.pool.voteDigest(new LockingPool.Vote(BigInteger.TWO, BigInteger.valueOf(12), BigInteger.ONE,
                        a.vote().blockId().value().toArray())).send(), "the engine's EIP-712 digest is the contract's");
        BigInteger stake = d.pool.getSequencer(BigInteger.TWO).send().amount;

        TransactionReceipt r = receipt(sender.slashDoubleSign(new DuplicateVoteEvidence(a, b)));
        byte[] key = Hash.sha3(PoolMessageDigest.encode(List.of(new org.web3j.abi.datatypes.Address(offender.signer()),
                new Uint8(2), new Uint64(12), new Uint32(1))));
        var slashed = LockingPool.getSlashedEvents(r);
        assertEquals(1, slashed.size());
        assertEquals(BigInteger.TWO, slashed.get(0).seqId);
        assertEquals(stake.divide(BigInteger.TEN), slashed.get(0).amount);
        assertArrayEquals(key, slashed.get(0).reasonHash, "the evidence key is the one the sender checks");
        assertEquals(1, LockingPool.getJailedEvents(r).size());
        assertTrue(d.pool.evidenceUsed(key).send());

        long nonce = nonceOf(node.address());
        String why = alreadyDone(sender.slashDoubleSign(new DuplicateVoteEvidence(b, a)));
        assertTrue(why.contains(Numeric.toHexString(key) + " is already used"), why);
        SignedVote c = precommit(offenderSigner, domain, 0xcc);
        assertTrue(alreadyDone(sender.slashDoubleSign(new DuplicateVoteEvidence(a, c))).contains("already used"),
                "one slash per signer, kind, height and round");
        assertEquals(nonce, nonceOf(node.address()));
        assertEquals(stake.subtract(stake.divide(BigInteger.TEN)), d.pool.getSequencer(BigInteger.TWO).send().amount);
    }

    private static SignedVote precommit(LocalNodeSigner signer, Eip712Domain domain, int blockByte) {
        byte[] id = new byte[32];
        Arrays.fill(id, (byte) blockByte);
        Hash32 blockId = new Hash32(Bytes.wrap(id));
        Vote v = new Vote(VoteKind.PRECOMMIT, 12, 1, blockId, signer.address());
        return new SignedVote(v, signer.sign(ConsensusTypedData.voteDigest(domain, 2, 12, 1, blockId)));
    }

    @Test
    void badPoolSignatureIsAStakingExceptionNamingInvalidPoolSignature() throws Exception {
        PoolKey stranger = PoolKey.generate(RANDOM);
        Bytes wrong = Bytes.wrap(stranger.ecdsa(PoolMessageDigest.commitEpoch(CHAIN_ID, setAddress, 1, genesis,
                genesis + 9, producer().toHex())));
        long nonce = nonceOf(node.address());
        StakingException e = assertThrows(StakingException.class,
                () -> sender.commitEpoch(1, genesis, genesis + 9, producer(), wrong));
        assertEquals("InvalidPoolSignature(1)", e.revertReason().orElseThrow(), e.getMessage());
        assertTrue(e.getMessage().startsWith("commitEpoch(1) would revert (gas estimation)"), e.getMessage());
        assertEquals(nonce, nonceOf(node.address()), "nothing was sent");

        byte[] digest = PoolMessageDigest.jail(CHAIN_ID, poolAddress, BigInteger.ONE, BigInteger.TWO, new byte[32]);
        byte[] frostOfStranger = PoolSignatureEncoding.frostFromRfc9591(
                Arrays.copyOfRange(stranger.frostCompressed(digest), 1, 66));
        StakingException frost = assertThrows(StakingException.class,
                () -> sender.jail(1, new SequencerId(2), Hash32.ZERO, Bytes.wrap(frostOfStranger)));
        assertEquals("InvalidPoolSignature(2)", frost.revertReason().orElseThrow(), frost.getMessage());
    }

    @Test
    void twoNodesRacingForOneCommitAndTheLaterOneFindsItDone() throws Exception {
        // designated sender first, fallback afterwards: the fallback pays nothing
        LocalNodeSigner fallbackKey = fundedSigner();
        Web3jPoolActionSender fallback = senderFor(fallbackKey);
        Bytes sig = commitSignature(1, genesis, genesis + 99, producer());
        receipt(sender.commitEpoch(1, genesis, genesis + 99, producer(), sig));
        assertTrue(alreadyDone(fallback.commitEpoch(1, genesis, genesis + 99, producer(), sig)).startsWith("epoch 1"));
        assertEquals(0, nonceOf(fallbackKey.address()));

        // both in flight before a block is mined: the racer signs only once the node's transaction is pending (its
        // check and gas estimation saw epoch 2 free); one lands, the other reverts on chain, re-checks, AlreadyDone
        Bytes sig2 = commitSignature(2, genesis + 100, genesis + 199, producer());
        CompletableFuture<PoolActionResult> nodeCall = new CompletableFuture<>();
        LocalNodeSigner racerKey = fundedSigner();
        Web3jPoolActionSender racer = senderFor(new SignAfter(racerKey, () -> {
            CompletableFuture.runAsync(() -> complete(nodeCall, sender, sig2));
            awaitPendingNonce(node.address(), 2);
        }));
        rpc("evm_setAutomine", List.of(false));
        try {
            CompletableFuture<PoolActionResult> racerCall = new CompletableFuture<>();
            CompletableFuture.runAsync(() -> complete(racerCall, racer, sig2));
            awaitPendingNonce(racerKey.address(), 1);
            rpc("evm_mine", List.of());
            List<PoolActionResult> results = List.of(nodeCall.get(30, TimeUnit.SECONDS), racerCall.get(30, TimeUnit.SECONDS));
            assertEquals(1, results.stream().filter(x -> x instanceof PoolActionResult.Sent).count(), results.toString());
            String why = alreadyDone(results.stream().filter(x -> x instanceof PoolActionResult.AlreadyDone)
                    .findFirst().orElseThrow());
            assertTrue(why.startsWith("epoch 2 is already committed"), why);
            assertTrue(why.contains("failed on chain") && why.contains("NonContiguousEpoch(3, 2"), why);
        } finally {
            rpc("evm_setAutomine", List.of(true));
        }
        assertEquals(2, sender.chainState().currentEpochId());
        assertEquals(1, nonceOf(racerKey.address()), "one transaction each: the loser of a same-block race pays for its revert");
    }

    /** A node signer that runs {@code before} once, when it is first asked to sign (after the sender's checks). */
    private static final class SignAfter implements seqpool.api.identity.NodeSigner {
        private final LocalNodeSigner key;
        private Runnable before;

        SignAfter(LocalNodeSigner key, ThrowingRunnable before) {
            this.key = key;
            this.before = () -> {
                try {
                    before.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
        }

        @Override
        public Address address() {
            return key.address();
        }

        @Override
        public Bytes publicKey() {
            return key.publicKey();
        }

        @Override
        public synchronized seqpool.api.identity.EcdsaSignature sign(Hash32 digest) {
            if (before != null) {
                Runnable r = before;
                before = null;
                r.run();
            }
            return key.sign(digest);
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private void complete(CompletableFuture<PoolActionResult> f, Web3jPoolActionSender s, Bytes sig) {
        try {
            f.complete(s.commitEpoch(2, genesis + 100, genesis + 199, producer(), sig));
        } catch (Throwable e) {
            f.completeExceptionally(e);
        }
    }

    private void awaitPendingNonce(Address a, long n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (nonceOf(a) < n) {
            assertTrue(System.nanoTime() < deadline, "no pending transaction from " + a);
            Thread.sleep(10);
        }
    }

    private void rpc(String method, List<?> params) throws Exception {
        var r = new Request<>(method, params, new org.web3j.protocol.http.HttpService(chain.rpcUrl()),
                Chain.RawResponse.class).send();
        assertFalse(r.hasError(), () -> method + ": " + r.getError().getMessage());
    }
}
