package seqpool.bench.sequencer;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;

import seqpool.api.common.Bytes;
import seqpool.api.sequencer.BlockExecution;
import seqpool.api.sequencer.TxCheck;
import seqpool.sequencer.evm.AnvilEngine;
import seqpool.sequencer.evm.AnvilSettings;

/**
 * Load command for the EVM engine: two anvils (a producer's and a follower's engine, 300 M gas per block), blocks of
 * {@code perBlock} signed EIP-1559 transfers from {@code senders} funded accounts; times {@code check()} of every
 * transaction, {@code produce()} on the first engine and {@code replay()} of the result on the second (signing is
 * done before and not timed), and checks that both engines agree on every block hash.
 *
 * <pre>
 * java -cp ... seqpool.bench.sequencer.AnvilEngineLoad [anvil binary] [blocks=10] [perBlock=1000] [senders=100]
 * </pre>
 */
public final class AnvilEngineLoad {
    static final long CHAIN_ID = 901;
    static final long GENESIS = 1_700_000_000L;
    static final BigInteger MAX_FEE = BigInteger.valueOf(2_000_000_000L);

    private AnvilEngineLoad() {
    }

    public static void main(String[] args) throws Exception {
        Path binary = Path.of(args.length > 0 ? args[0] : "contracts/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil");
        int blocks = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int perBlock = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int senders = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        if (perBlock % senders != 0) {
            throw new IllegalArgumentException("perBlock must be a multiple of senders");
        }
        AnvilSettings settings = AnvilSettings.of(binary, Path.of("target", "anvil-load", "producer.log"), CHAIN_ID,
                GENESIS);
        List<Credentials> keys = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            keys.add(Credentials.create(BigInteger.valueOf(7_000_001L + i).toString(16)));
        }
        try (AnvilEngine producer = AnvilEngine.start(settings);
                AnvilEngine follower = AnvilEngine.start(settings.withLogFile(
                        Path.of("target", "anvil-load", "follower.log")))) {
            Credentials bank = devAccount(0);
            List<Bytes> funding = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                funding.add(sign(bank, i, keys.get(i).getAddress(), BigInteger.TEN.pow(19))); // 10 ETH each
            }
            BlockExecution b1 = producer.produce(1, ts(1), funding);
            follower.replay(1, ts(1), b1.included(), b1.stateRoot());
            if (b1.included().size() != senders) {
                throw new IllegalStateException("funding block: " + b1.included().size() + " included, " + b1.rejected());
            }
            double[] check = new double[blocks];
            double[] produce = new double[blocks];
            double[] replay = new double[blocks];
            System.out.printf("%d blocks of %d transfers from %d senders; anvil %s%n", blocks, perBlock, senders, binary);
            System.out.println("block  check ms  produce ms  replay ms  gasUsed");
            for (int b = 0; b < blocks; b++) {
                long n = b + 2;
                List<Bytes> txs = new ArrayList<>(perBlock);
                for (int i = 0; i < perBlock; i++) {
                    long nonce = (long) b * (perBlock / senders) + i / senders;
                    txs.add(sign(keys.get(i % senders), nonce, "0x000000000000000000000000000000000000dEaD",
                            BigInteger.valueOf(i + 1)));
                }
                long t0 = System.nanoTime();
                for (Bytes tx : txs) {
                    if (!(producer.check(tx) instanceof TxCheck.Valid)) {
                        throw new IllegalStateException("check refused " + producer.check(tx));
                    }
                }
                long t1 = System.nanoTime();
                BlockExecution made = producer.produce(n, ts(n), txs);
                long t2 = System.nanoTime();
                BlockExecution replayed = follower.replay(n, ts(n), made.included(), made.stateRoot());
                long t3 = System.nanoTime();
                if (made.included().size() != perBlock || !made.engineBlockHash().equals(replayed.engineBlockHash())) {
                    throw new IllegalStateException("block " + n + ": " + made.included().size() + " included, "
                            + made.rejected().size() + " rejected " + made.rejected());
                }
                check[b] = (t1 - t0) / 1e6;
                produce[b] = (t2 - t1) / 1e6;
                replay[b] = (t3 - t2) / 1e6;
                System.out.printf("%5d  %8.1f  %10.1f  %9.1f  %,d%n", n, check[b], produce[b], replay[b], made.gasUsed());
            }
            System.out.printf("median: check %.1f ms, produce %.1f ms (%.0f tx/s), replay %.1f ms (%.0f tx/s)%n",
                    median(check), median(produce), perBlock * 1000 / median(produce), median(replay),
                    perBlock * 1000 / median(replay));
        }
    }

    static long ts(long n) {
        return (GENESIS + n) * 1000;
    }

    static Bytes sign(Credentials from, long nonce, String to, BigInteger value) {
        RawTransaction tx = RawTransaction.createTransaction(CHAIN_ID, BigInteger.valueOf(nonce),
                BigInteger.valueOf(21_000), to, value, "", BigInteger.ONE, MAX_FEE);
        return Bytes.wrap(TransactionEncoder.signMessage(tx, CHAIN_ID, from));
    }

    /** anvil's dev account i from its public mnemonic (funded with 10,000 ETH at genesis). */
    static Credentials devAccount(int i) {
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(AnvilSettings.DEV_MNEMONIC, ""));
        int[] path = {44 | Bip32ECKeyPair.HARDENED_BIT, 60 | Bip32ECKeyPair.HARDENED_BIT, Bip32ECKeyPair.HARDENED_BIT,
            0, i};
        return Credentials.create(Bip32ECKeyPair.deriveKeyPair(master, path));
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
