package seqpool.submitter.testing;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.identity.EcdsaSignature;
import seqpool.api.sequencer.L2Block;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.codec.l2.L2HeaderHashing;

/**
 * Signed L2 blocks the way a producer makes them (header hash under the chain id, signed by the producer's key), with
 * signed EIP-1559 and legacy Ethereum transactions from web3j. Deterministic for a seed. Test-only.
 */
public final class TestBlocks {
    public static final long CHAIN_ID = 901;
    public static final LocalNodeSigner PRODUCER = signer(1);
    public static final LocalNodeSigner OTHER = signer(2);
    private static final List<Credentials> SENDERS = senders(8);

    private TestBlocks() {
    }

    public static LocalNodeSigner signer(int i) {
        byte[] k = new byte[32];
        k[0] = 0x5e;
        k[31] = (byte) i;
        return LocalNodeSigner.fromPrivateKey(k);
    }

    /** {@code count} linked blocks from {@code first}, {@code txsPerBlock} transactions each, one second apart. */
    public static List<L2Block> chain(long first, int count, int txsPerBlock, long seed) {
        Random random = new Random(seed);
        List<L2Block> out = new ArrayList<>();
        Hash32 parent = first == 1 ? Hash32.ZERO : randomHash(random);
        long[] nonces = new long[SENDERS.size()];
        for (int i = 0; i < count; i++) {
            List<Bytes> txs = new ArrayList<>();
            for (int t = 0; t < txsPerBlock; t++) {
                int s = random.nextInt(SENDERS.size());
                txs.add(transaction(SENDERS.get(s), nonces[s]++, random));
            }
            L2Block b = block(PRODUCER, PRODUCER.address(), first + i, parent, (first + i) / 10,
                    1_700_000_000_000L + 1000L * (first + i), txs, randomHash(random));
            out.add(b);
            parent = b.hash();
        }
        return List.copyOf(out);
    }

    /** A block signed by {@code signer} while naming {@code producer}. */
    public static L2Block block(LocalNodeSigner signer, Address producer, long number, Hash32 parent, long epoch,
            long timestamp, List<Bytes> txs, Hash32 stateRoot) {
        Hash32 hash = L2HeaderHashing.hash(CHAIN_ID, number, parent, epoch, producer, timestamp,
                L2HeaderHashing.txRoot(txs), stateRoot);
        EcdsaSignature sig = signer.sign(hash);
        return new L2Block(number, hash, parent, epoch, producer, timestamp, txs, stateRoot, sig);
    }

    /** The same block with other fields, re-hashed and re-signed by the producer (a consistent, different block). */
    public static L2Block resigned(L2Block b, List<Bytes> txs, Hash32 parent) {
        return block(PRODUCER, b.producer(), b.number(), parent, b.epoch(), b.timestampMillis(), txs, b.stateRoot());
    }

    static Bytes transaction(Credentials from, long nonce, Random random) {
        String to = "0x" + String.format("%040x", new BigInteger(1, randomBytes(random, 20)));
        BigInteger value = BigInteger.valueOf(1 + random.nextInt(1_000_000)).multiply(BigInteger.TEN.pow(9));
        RawTransaction tx;
        if (random.nextInt(4) == 0) {
            tx = RawTransaction.createEtherTransaction(BigInteger.valueOf(nonce), BigInteger.valueOf(2_000_000_000L),
                    BigInteger.valueOf(21_000), to, value);
        } else {
            // an ERC-20 transfer(to, amount) call
            String data = "0xa9059cbb" + String.format("%064x", new BigInteger(1, randomBytes(random, 20)))
                    + String.format("%064x", value);
            tx = RawTransaction.createTransaction(CHAIN_ID, BigInteger.valueOf(nonce), BigInteger.valueOf(60_000),
                    to, BigInteger.ZERO, data, BigInteger.ONE, BigInteger.valueOf(3_000_000_000L));
        }
        return Bytes.wrap(TransactionEncoder.signMessage(tx, CHAIN_ID, from));
    }

    static List<Credentials> senders(int n) {
        List<Credentials> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Credentials.create(BigInteger.valueOf(9_000_001L + i).toString(16)));
        }
        return List.copyOf(out);
    }

    public static Hash32 randomHash(Random random) {
        return new Hash32(Bytes.wrap(randomBytes(random, 32)));
    }

    public static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
