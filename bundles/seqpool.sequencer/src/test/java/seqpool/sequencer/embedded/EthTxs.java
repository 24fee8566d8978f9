package seqpool.sequencer.embedded;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.web3j.crypto.AccessListObject;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;

/**
 * Test transactions signed with web3j's {@link TransactionEncoder} by real keys: anvil's ten dev accounts, derived
 * from their public mnemonic, and any number of further deterministic keys. Test-only.
 */
final class EthTxs {
    static final long CHAIN = 901;
    static final BigInteger GWEI = BigInteger.valueOf(1_000_000_000L);
    static final String ANVIL_MNEMONIC = "test test test test test test test test test test test junk";
    static final List<Credentials> DEV = devKeys();

    private EthTxs() {
    }

    private static List<Credentials> devKeys() {
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(ANVIL_MNEMONIC, ""));
        List<Credentials> out = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int[] path = {44 | Bip32ECKeyPair.HARDENED_BIT, 60 | Bip32ECKeyPair.HARDENED_BIT,
                    Bip32ECKeyPair.HARDENED_BIT, 0, i};
            out.add(Credentials.create(Bip32ECKeyPair.deriveKeyPair(master, path)));
        }
        return List.copyOf(out);
    }

    /** A deterministic key that is not a dev account. */
    static Credentials key(int i) {
        byte[] k = new byte[32];
        k[0] = 0x3a;
        k[28] = (byte) (i >>> 24);
        k[29] = (byte) (i >>> 16);
        k[30] = (byte) (i >>> 8);
        k[31] = (byte) i;
        return Credentials.create(Numeric.toHexString(k));
    }

    static Address address(Credentials c) {
        return Address.fromHex(c.getAddress());
    }

    /** An address nobody holds a key for. */
    static Address fresh(int i) {
        byte[] a = new byte[20];
        a[0] = (byte) 0xee;
        a[18] = (byte) (i >>> 8);
        a[19] = (byte) i;
        return new Address(Bytes.wrap(a));
    }

    static Bytes legacy(Credentials from, long nonce, Address to, BigInteger value, BigInteger gasPrice, long gas) {
        return legacy(from, nonce, to, value, gasPrice, gas, "", CHAIN);
    }

    static Bytes legacy(Credentials from, long nonce, Address to, BigInteger value, BigInteger gasPrice, long gas,
            String data, long chainId) {
        RawTransaction tx = RawTransaction.createTransaction(BigInteger.valueOf(nonce), gasPrice,
                BigInteger.valueOf(gas), to == null ? "" : to.toHex(), value, data);
        return Bytes.wrap(TransactionEncoder.signMessage(tx, chainId, from));
    }

    /** A legacy transaction signed without EIP-155 (v = 27/28). */
    static Bytes unprotected(Credentials from, long nonce, Address to, BigInteger value) {
        RawTransaction tx = RawTransaction.createEtherTransaction(BigInteger.valueOf(nonce), GWEI.multiply(
                BigInteger.TWO), BigInteger.valueOf(21_000), to.toHex(), value);
        return Bytes.wrap(TransactionEncoder.signMessage(tx, from));
    }

    static Bytes eip1559(Credentials from, long nonce, Address to, BigInteger value, BigInteger maxFee,
            BigInteger tip, long gas) {
        return eip1559(from, nonce, to, value, maxFee, tip, gas, "", CHAIN, List.of());
    }

    static Bytes eip1559(Credentials from, long nonce, Address to, BigInteger value, BigInteger maxFee,
            BigInteger tip, long gas, String data, long chainId, List<AccessListObject> accessList) {
        RawTransaction tx = RawTransaction.createTransaction(chainId, BigInteger.valueOf(nonce),
                BigInteger.valueOf(gas), to == null ? "" : to.toHex(), value, data, tip, maxFee, accessList);
        return Bytes.wrap(TransactionEncoder.signMessage(tx, from));
    }

    static Bytes eip2930(Credentials from, long nonce, Address to, BigInteger value, BigInteger gasPrice, long gas,
            List<AccessListObject> accessList) {
        RawTransaction tx = RawTransaction.createTransaction(CHAIN, BigInteger.valueOf(nonce), gasPrice,
                BigInteger.valueOf(gas), to.toHex(), value, "", accessList);
        return Bytes.wrap(TransactionEncoder.signMessage(tx, from));
    }

    /** A plain 1559 transfer paying 2 gwei max fee and 1 gwei tip. */
    static Bytes transfer(Credentials from, long nonce, Address to, long wei) {
        return eip1559(from, nonce, to, BigInteger.valueOf(wei), GWEI.multiply(BigInteger.TWO), GWEI, 21_000);
    }
}
