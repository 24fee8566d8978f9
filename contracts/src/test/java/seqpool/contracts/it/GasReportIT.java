package seqpool.contracts.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static seqpool.contracts.testing.Chain.ok;
import static seqpool.contracts.testing.Deployment.tokens;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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
import seqpool.contracts.testing.GasDoc;
import seqpool.contracts.testing.VoteSigner;
import seqpool.contracts.wrappers.BatchInbox;
import seqpool.contracts.wrappers.LockingPool;

/**
 * Measures the gas of the main transactions on anvil (receipts' gasUsed) and, when the system property
 * {@code seqpool.gasReport} names a file, writes the table there (docs/gas.md; see that file for the command).
 */
@ExtendWith(AnvilExtension.class)
class GasReportIT {
    private final SecureRandom random = new SecureRandom();
    private final List<String[]> rows = new ArrayList<>();

    private void row(String what, String scheme, TransactionReceipt r, String note) {
        rows.add(new String[] {what, scheme, r.getGasUsed().toString(), note});
    }

    @Test
    void measure(Chain chain) throws Exception {
        Deployment d = new Deployment(chain);
        String poolAddr = d.pool.getContractAddress();
        Credentials relayer = chain.newAccount();
        LockingPool pool = LockingPool.load(poolAddr, chain.web3j(), chain.txManager(relayer), Chain.GAS);
        List<Function<byte[], byte[]>> schemes = List.of(d.poolKey::ecdsa, d.poolKey::frost, d.poolKey::frostCompressed);
        String[] names = {"ECDSA", "FROST (R as x,y)", "FROST (R compressed)"};

        Operator[] ops = new Operator[4];
        for (int i = 0; i < ops.length; i++) {
            ops[i] = d.operator(100_000);
            TransactionReceipt r = ok(ops[i].pool().lockFor(ops[i].signer(), tokens(30_000), ops[i].signerPubkey()));
            if (i == 1) {
                row("LockingPool.lockFor", "-", r, "first lock of an owner (incl. ERC-20 transferFrom)");
            }
        }
        row("LockingPool.relock", "-", ok(ops[0].pool().relock(BigInteger.ONE, tokens(1_000), false)), "");

        String set = d.sequencerSet.getContractAddress();
        long first = 1;
        for (int s = -1; s < 3; s++) { // s = -1: warm-up with ECDSA (first writes of the contract's slots)
            int scheme = Math.max(s, 0);
            byte[] digest = PoolMessageDigest.commitEpoch(Chain.CHAIN_ID, set, s + 2, first, first + 99, ops[scheme].signer());
            TransactionReceipt r = ok(d.sequencerSet.commitEpoch(BigInteger.valueOf(s + 2), BigInteger.valueOf(first),
                    BigInteger.valueOf(first + 99), ops[scheme].signer(), schemes.get(scheme).apply(digest)));
            if (s >= 0) {
                row("SequencerSet.commitEpoch", names[s], r, "");
            }
            first += 100;
        }

        String inboxAddr = d.inbox.getContractAddress();
        long l2 = 1;
        for (int s = -1; s < 3; s++) {
            int scheme = Math.max(s, 0);
            byte[] data = new byte[1024];
            random.nextBytes(data);
            BatchInbox.BatchHeader h = new BatchInbox.BatchHeader(BigInteger.valueOf(s + 2), BigInteger.valueOf(l2),
                    BigInteger.valueOf(l2 + 49), Hash.sha3(data), Hash.sha3(Hash.sha3(data)), BigInteger.ZERO,
                    List.of(Hash.sha3(data)));
            byte[] digest = PoolMessageDigest.appendBatch(Chain.CHAIN_ID, inboxAddr, s + 2, l2, l2 + 49,
                    h.blockHashesCommitment, h.postStateRoot, 0, h.dataHashes);
            TransactionReceipt r = ok(d.inbox.appendBatch(h, data, schemes.get(scheme).apply(digest)));
            if (s >= 0) {
                row("BatchInbox.appendBatch", names[s], r, "1 KiB of batch data as calldata");
            }
            l2 += 50;
        }

        ok(d.pool.setRewardPerBlock(tokens(1)));
        ok(d.token.approve(poolAddr, tokens(1_000_000)));
        ok(d.pool.fundRewards(tokens(1_000_000)));
        List<BigInteger> ids = List.of(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3), BigInteger.valueOf(4));
        List<BigInteger> blocks = List.of(BigInteger.valueOf(100), BigInteger.valueOf(90), BigInteger.valueOf(80),
                BigInteger.valueOf(70));
        for (int s = -1; s < 3; s++) {
            long batch = s + 2;
            byte[] digest = PoolMessageDigest.submitRewards(Chain.CHAIN_ID, poolAddr, BigInteger.valueOf(batch),
                    BigInteger.valueOf(batch), BigInteger.valueOf(batch), ids, blocks);
            TransactionReceipt r = ok(pool.submitRewards(BigInteger.valueOf(batch), BigInteger.valueOf(batch),
                    BigInteger.valueOf(batch), ids, blocks, schemes.get(Math.max(s, 0)).apply(digest)));
            if (s >= 0) {
                row("LockingPool.submitRewards", names[s], r, "4 sequencers credited");
            }
        }
        byte[] reason = Hash.sha3("fault".getBytes(StandardCharsets.UTF_8));
        byte[] slashDigest = PoolMessageDigest.slash(Chain.CHAIN_ID, poolAddr, BigInteger.ONE, BigInteger.valueOf(4),
                tokens(1), reason);
        row("LockingPool.slash (pool-attested)", names[1], ok(pool.slash(BigInteger.valueOf(4), tokens(1), reason,
                d.poolKey.frost(slashDigest))), "");

        byte[] a = Hash.sha3("A".getBytes(StandardCharsets.UTF_8));
        byte[] b = Hash.sha3("B".getBytes(StandardCharsets.UTF_8));
        byte[] sigA = VoteSigner.sign(VoteSigner.digest(Chain.CHAIN_ID, poolAddr, 2, 7, 0, a), ops[2].signerKey());
        byte[] sigB = VoteSigner.sign(VoteSigner.digest(Chain.CHAIN_ID, poolAddr, 2, 7, 0, b), ops[2].signerKey());
        LockingPool.Vote va = new LockingPool.Vote(BigInteger.TWO, BigInteger.valueOf(7), BigInteger.ZERO, a);
        LockingPool.Vote vb = new LockingPool.Vote(BigInteger.TWO, BigInteger.valueOf(7), BigInteger.ZERO, b);
        row("LockingPool.slashDoubleSign", "EIP-712 votes", ok(pool.slashDoubleSign(va, sigA, vb, sigB)),
                "two vote signatures recovered, 10 % slashed, jailed");

        byte[] transfer = new byte[110]; // about the size of a signed EIP-1559 transfer
        random.nextBytes(transfer);
        java.math.BigInteger fee = d.forcedQueue.fee().send();
        row("ForcedInclusionQueue.enqueue", "-", ok(d.forcedQueue.enqueue(transfer, fee)),
                "first message (110 bytes): first writes of length and accumulator");
        row("ForcedInclusionQueue.enqueue", "-", ok(d.forcedQueue.enqueue(transfer, fee)), "a later message (110 bytes)");

        assertTrue(rows.size() >= 12);
        String table = render();
        System.out.println(table);
        GasDoc.write("gas-table", "GasReportIT", table);
    }

    private String render() {
        StringBuilder sb = new StringBuilder("| transaction | pool-signature scheme | gas used | note |\n| --- | --- | ---: | --- |\n");
        for (String[] r : rows) {
            sb.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return sb.toString();
    }
}
