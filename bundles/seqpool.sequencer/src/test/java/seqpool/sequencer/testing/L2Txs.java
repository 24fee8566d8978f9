package seqpool.sequencer.testing;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.IntStream;

import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;

/** Signed L2 transfers for node tests: anvil's public dev keys (the L2 genesis accounts) on chain 901. */
public final class L2Txs {
    public static final long CHAIN = Blocks.CHAIN_ID;
    static final BigInteger GWEI = BigInteger.valueOf(1_000_000_000L);
    private static final byte[] SEED = MnemonicUtils.generateSeed(
            "test test test test test test test test test test test junk", "");
    public static final List<Credentials> DEV = IntStream.range(0, 10).mapToObj(L2Txs::derive).toList();

    private L2Txs() {
    }

    private static Credentials derive(int i) {
        int[] path = {44 | Bip32ECKeyPair.HARDENED_BIT, 60 | Bip32ECKeyPair.HARDENED_BIT, Bip32ECKeyPair.HARDENED_BIT, 0,
                i};
        return Credentials.create(Bip32ECKeyPair.deriveKeyPair(Bip32ECKeyPair.generateKeyPair(SEED), path));
    }

    public static Address address(Credentials c) {
        return Address.fromHex(c.getAddress());
    }

    /** An EIP-1559 transfer paying at most 100 gwei per gas. */
    public static Bytes transfer(Credentials from, long nonce, Address to, long wei) {
        RawTransaction tx = RawTransaction.createTransaction(CHAIN, BigInteger.valueOf(nonce), BigInteger.valueOf(21_000),
                to.toHex(), BigInteger.valueOf(wei), "", GWEI, GWEI.multiply(BigInteger.valueOf(100)));
        return Bytes.wrap(TransactionEncoder.signMessage(tx, from));
    }

    /** A key that holds nothing on L2. */
    public static Credentials pauper() {
        return Credentials.create("0x" + "5a".repeat(32));
    }
}
