package seqpool.bench.submitter;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.sequencer.BlockExecution;
import seqpool.api.sequencer.L2Block;
import seqpool.api.submitter.BatchCompression;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.contracts.wrappers.TestStakeToken;
import seqpool.sequencer.chain.UnsignedBlock;
import seqpool.sequencer.evm.AnvilEngine;
import seqpool.sequencer.evm.AnvilSettings;
import seqpool.submitter.batch.BatchBlocks;
import seqpool.submitter.batch.BatchEnvelope;
import seqpool.submitter.batch.Compressor;
import seqpool.submitter.blob.BlobPacking;

/**
 * zlib against zstd on real L2 blocks: the EVM engine (anvil, as the devnet runs it) executes blocks of signed
 * Ethereum transactions (EIP-1559 and legacy ETH transfers, ERC-20 transfers on a deployed TestStakeToken, now and
 * then a contract deployment), each block is built and signed as a producer does, and batches of the first 10, 100
 * and all blocks are encoded in the batch format; then each compressor compresses and decompresses every batch
 * (median of {@code rounds} after a warm-up). Prints ratio (raw RLP / compressed) and MB/s of the raw size.
 *
 * <pre>
 * java -cp ... seqpool.bench.submitter.BatchCompressionLoad [anvil binary] [blocks=300] [rounds=7] [seed=1]
 * </pre>
 */
public final class BatchCompressionLoad {
    static final long CHAIN_ID = 901;
    static final long GENESIS = 1_700_000_000L;
    static final BigInteger GWEI = BigInteger.valueOf(1_000_000_000L);
    static final int SENDERS = 100;
    static final int RECIPIENTS = 300;

    private BatchCompressionLoad() {
    }

    public static void main(String[] args) throws Exception {
        Path binary = Path.of(args.length > 0 ? args[0] : "contracts/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil");
        int blocks = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        Random random = new Random(args.length > 3 ? Long.parseLong(args[3]) : 1);
        List<L2Block> chain = buildChain(binary, blocks, random);
        long txs = chain.stream().mapToLong(b -> b.transactions().size()).sum();
        long txBytes = chain.stream().flatMap(b -> b.transactions().stream()).mapToLong(Bytes::size).sum();
        System.out.printf("%d blocks, %d transactions (%.1f bytes each on average), chain %d%n", chain.size(), txs,
                (double) txBytes / txs, CHAIN_ID);
        BatchBlocks payloads = new BatchBlocks(CHAIN_ID);
        List<Compressor> compressors = List.of(Compressor.of(BatchCompression.ZLIB, 1, 1),
                Compressor.of(BatchCompression.ZLIB, 6, 1), Compressor.of(BatchCompression.ZLIB, 9, 1),
                Compressor.of(BatchCompression.ZSTD, 1, 3), Compressor.of(BatchCompression.ZSTD, 1, 9),
                Compressor.of(BatchCompression.ZSTD, 1, 19));
        System.out.println("| batch | raw bytes | compression | compressed bytes | ratio | blobs | compress MB/s "
                + "| decompress MB/s |");
        System.out.println("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |");
        for (int size : new int[] {10, 100, chain.size()}) {
            List<L2Block> range = chain.subList(2, Math.min(chain.size(), 2 + size)); // after the setup blocks
            byte[] raw = payloads.encode(range);
            for (Compressor c : compressors) {
                byte[] z = c.compress(raw);
                if (!Arrays.equals(raw, c.decompress(z, 0, z.length, raw.length))) {
                    throw new IllegalStateException("round trip failed for " + c);
                }
                double[] comp = new double[rounds];
                double[] decomp = new double[rounds];
                for (int w = 0; w < 3; w++) {
                    c.compress(raw);
                    c.decompress(z, 0, z.length, raw.length);
                }
                for (int r = 0; r < rounds; r++) {
                    long t0 = System.nanoTime();
                    c.compress(raw);
                    long t1 = System.nanoTime();
                    c.decompress(z, 0, z.length, raw.length);
                    long t2 = System.nanoTime();
                    comp[r] = (t1 - t0) / 1e9;
                    decomp[r] = (t2 - t1) / 1e9;
                }
                String name = c.kind().name().toLowerCase() + " " + (c instanceof seqpool.submitter.batch.ZlibCompressor zl
                        ? zl.level() : ((seqpool.submitter.batch.ZstdCompressor) c).level());
                System.out.printf("| %d blocks | %,d | %s | %,d | %.2f | %d | %.1f | %.1f |%n", range.size(), raw.length,
                        name, z.length + 2, (double) raw.length / (z.length + 2),
                        BlobPacking.blobsFor(z.length + 2L), raw.length / 1e6 / median(comp),
                        raw.length / 1e6 / median(decomp));
            }
        }
        // the decoder (signatures, hashes) on the whole range, for scale
        BatchEnvelope envelope = new BatchEnvelope(CHAIN_ID, BatchCompression.ZLIB, 9, 19);
        Bytes data = envelope.encode(chain).data();
        long t0 = System.nanoTime();
        int decoded = envelope.decode(data).size();
        System.out.printf("decode with checks (zlib 9, %d blocks): %.0f ms%n", decoded, (System.nanoTime() - t0) / 1e6);
    }

    /** Executes the workload on anvil and returns the signed L2 blocks. */
    static List<L2Block> buildChain(Path binary, int blocks, Random random) throws Exception {
        AnvilSettings settings = AnvilSettings.of(binary, Path.of("target", "batch-load", "anvil.log"), CHAIN_ID,
                GENESIS);
        byte[] key = new byte[32];
        key[31] = 7;
        LocalNodeSigner producer = LocalNodeSigner.fromPrivateKey(key);
        List<Credentials> senders = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            senders.add(Credentials.create(BigInteger.valueOf(8_100_001L + i).toString(16)));
        }
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < RECIPIENTS; i++) {
            recipients.add(Numeric.toHexStringWithPrefixZeroPadded(new BigInteger(160, random), 40));
        }
        Credentials bank = devAccount(0);
        long[] nonces = new long[SENDERS];
        long bankNonce = 0;
        List<L2Block> chain = new ArrayList<>();
        Hash32 parent = Hash32.ZERO;
        try (AnvilEngine engine = AnvilEngine.start(settings)) {
            String token = org.web3j.crypto.ContractUtils.generateContractAddress(bank.getAddress(),
                    BigInteger.valueOf(SENDERS));
            for (int n = 1; n <= blocks; n++) {
                List<Bytes> txs = new ArrayList<>();
                if (n == 1) {
                    for (Credentials s : senders) {
                        txs.add(eip1559(bank, bankNonce++, s.getAddress(), BigInteger.TEN.pow(19), "", 21_000)); // 10 ETH each
                    }
                    String deploy = TestStakeToken.BINARY + FunctionEncoder.encodeConstructor(
                            List.of(new Address(bank.getAddress())));
                    txs.add(eip1559(bank, bankNonce++, "", BigInteger.ZERO, deploy, 3_000_000));
                } else if (n == 2) {
                    for (Credentials s : senders) {
                        txs.add(eip1559(bank, bankNonce++, token, BigInteger.ZERO, call("mint", s.getAddress(),
                                BigInteger.TEN.pow(24)), 100_000));
                    }
                } else {
                    int count = 20 + random.nextInt(100);
                    for (int t = 0; t < count; t++) {
                        int s = random.nextInt(SENDERS);
                        String to = recipients.get(random.nextInt(RECIPIENTS));
                        int kind = random.nextInt(20);
                        BigInteger amount = BigInteger.valueOf(1 + random.nextInt(1_000_000)).multiply(
                                BigInteger.TEN.pow(random.nextInt(12)));
                        if (kind < 9) {
                            txs.add(eip1559(senders.get(s), nonces[s]++, to, amount, "", 21_000));
                        } else if (kind < 18) {
                            txs.add(eip1559(senders.get(s), nonces[s]++, token, BigInteger.ZERO,
                                    call("transfer", to, amount), 80_000));
                        } else if (kind < 19 || n % 20 != 0) {
                            RawTransaction legacy = RawTransaction.createEtherTransaction(
                                    BigInteger.valueOf(nonces[s]++), GWEI.multiply(BigInteger.valueOf(3)),
                                    BigInteger.valueOf(21_000), to, amount);
                            txs.add(Bytes.wrap(TransactionEncoder.signMessage(legacy, CHAIN_ID, senders.get(s))));
                        } else {
                            String deploy = TestStakeToken.BINARY + FunctionEncoder.encodeConstructor(
                                    List.of(new Address(senders.get(s).getAddress())));
                            txs.add(eip1559(senders.get(s), nonces[s]++, "", BigInteger.ZERO, deploy, 3_000_000));
                        }
                    }
                }
                long ts = (GENESIS + n) * 1000;
                BlockExecution e = engine.produce(n, ts, txs);
                if (e.included().size() != txs.size()) {
                    throw new IllegalStateException("block " + n + ": " + e.included().size() + " of " + txs.size() + " included, rejected " + e.rejected());
                }
                UnsignedBlock u = UnsignedBlock.build(CHAIN_ID, n, parent, n / 10, producer.address(), ts, e.included(),
                        e.stateRoot());
                L2Block b = u.signed(producer.sign(u.hash()));
                chain.add(b);
                parent = b.hash();
            }
        }
        return chain;
    }

    static String call(String name, String to, BigInteger amount) {
        return FunctionEncoder.encode(new Function(name, List.of(new Address(to), new Uint256(amount)), List.of()));
    }

    static Bytes eip1559(Credentials from, long nonce, String to, BigInteger value, String data, long gas) {
        RawTransaction tx = RawTransaction.createTransaction(CHAIN_ID, BigInteger.valueOf(nonce),
                BigInteger.valueOf(gas), to, value, data, GWEI, GWEI.multiply(BigInteger.valueOf(5)));
        return Bytes.wrap(TransactionEncoder.signMessage(tx, CHAIN_ID, from));
    }

    /** anvil's dev account i from its public mnemonic. */
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
