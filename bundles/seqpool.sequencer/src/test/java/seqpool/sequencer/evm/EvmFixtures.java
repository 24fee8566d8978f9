package seqpool.sequencer.evm;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;

import seqpool.api.common.Bytes;
import seqpool.api.sequencer.ExecutionException;

/**
 * Test fixtures for the EVM engine: settings (the anvil binary from {@code seqpool.anvil.binary}), anvil's dev
 * accounts derived from its public mnemonic, signed transfers and calls, block timestamps.
 */
final class EvmFixtures {
    static final long CHAIN_ID = 901;
    static final long GENESIS = 1_700_000_000L;
    static final BigInteger GWEI = BigInteger.TEN.pow(9);
    static final BigInteger ETH = BigInteger.TEN.pow(18);
    static final BigInteger MAX_FEE = GWEI.multiply(BigInteger.TWO);
    static final BigInteger TIP = BigInteger.ONE;
    static final String SINK = "0x000000000000000000000000000000000000dEaD";
    private static final List<Credentials> DEV = derive(AnvilSettings.DEV_MNEMONIC, AnvilSettings.DEV_ACCOUNTS);

    private EvmFixtures() {
    }

    static Path binary() {
        return Path.of(System.getProperty("seqpool.anvil.binary",
                "../../contracts/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"));
    }

    static AnvilSettings settings(String name) {
        return AnvilSettings.of(binary(), Path.of("target", "anvil", name + ".log"), CHAIN_ID, GENESIS);
    }

    static AnvilEngine start(String name) throws ExecutionException {
        return AnvilEngine.start(settings(name));
    }

    /** anvil's dev account i (funded with 10,000 ETH at genesis). */
    static Credentials dev(int i) {
        return DEV.get(i);
    }

    /** A key with no funds. */
    static Credentials stranger(int i) {
        return Credentials.create(BigInteger.valueOf(1_000_003L * (i + 1)).toString(16));
    }

    /** The timestamp of block n: genesis + n seconds, in milliseconds. */
    static long ts(long n) {
        return (GENESIS + n) * 1000;
    }

    static Bytes transfer(Credentials from, long nonce, String to, BigInteger value) {
        return call(from, nonce, to, value, "", BigInteger.valueOf(21_000));
    }

    static Bytes call(Credentials from, long nonce, String to, BigInteger value, String data, BigInteger gas) {
        RawTransaction tx = RawTransaction.createTransaction(CHAIN_ID, BigInteger.valueOf(nonce), gas, to, value, data,
                TIP, MAX_FEE);
        return Bytes.wrap(TransactionEncoder.signMessage(tx, CHAIN_ID, from));
    }

    static Bytes create(Credentials from, long nonce, String initCode, BigInteger gas) {
        RawTransaction tx = RawTransaction.createTransaction(CHAIN_ID, BigInteger.valueOf(nonce), gas, "",
                BigInteger.ZERO, initCode, TIP, MAX_FEE);
        return Bytes.wrap(TransactionEncoder.signMessage(tx, CHAIN_ID, from));
    }

    /** {@code count} transfers round-robin from dev accounts {@code 0..senders-1}, nonces from {@code firstNonce}. */
    static List<Bytes> transfers(int count, int senders, long firstNonce) {
        List<Bytes> txs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            txs.add(transfer(dev(i % senders), firstNonce + i / senders, SINK, BigInteger.valueOf(i + 1)));
        }
        return txs;
    }

    private static List<Credentials> derive(String mnemonic, int count) {
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(mnemonic, ""));
        List<Credentials> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int[] path = {44 | Bip32ECKeyPair.HARDENED_BIT, 60 | Bip32ECKeyPair.HARDENED_BIT,
                0 | Bip32ECKeyPair.HARDENED_BIT, 0, i};
            out.add(Credentials.create(Bip32ECKeyPair.deriveKeyPair(master, path)));
        }
        return List.copyOf(out);
    }
}
