package seqpool.sequencer.rpc.testing;

import java.math.BigInteger;

import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

import seqpool.api.common.Address;

/** A web3j key that signs transactions for the fake chain. */
public final class Signer {
    public final Credentials credentials;

    public Signer(String privateKeyHex) {
        this.credentials = Credentials.create(privateKeyHex);
    }

    public static Signer alice() {
        return new Signer("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
    }

    public static Signer bob() {
        return new Signer("0x8da4ef21b864d2cc526dbdb2a120bd2874c36c9d0a1fb7f8c63d7f7a8b41de8f");
    }

    public Address address() {
        return Address.fromHex(credentials.getAddress());
    }

    /** An EIP-1559 transaction, signed, as 0x-hex. */
    public String transfer1559(long nonce, String to, BigInteger value, String data) {
        RawTransaction raw = RawTransaction.createTransaction(FakeEthBackend.CHAIN_ID, BigInteger.valueOf(nonce),
                BigInteger.valueOf(100_000), to, value, data, FakeEthBackend.TIP,
                FakeEthBackend.BASE_FEE.multiply(BigInteger.TWO).add(FakeEthBackend.TIP));
        return Numeric.toHexString(TransactionEncoder.signMessage(raw, FakeEthBackend.CHAIN_ID, credentials));
    }

    /** A legacy EIP-155 transaction, signed, as 0x-hex. */
    public String transferLegacy(long nonce, String to, BigInteger value) {
        RawTransaction raw = RawTransaction.createEtherTransaction(BigInteger.valueOf(nonce),
                FakeEthBackend.BASE_FEE.add(FakeEthBackend.TIP), BigInteger.valueOf(21_000), to, value);
        return Numeric.toHexString(TransactionEncoder.signMessage(raw, FakeEthBackend.CHAIN_ID, credentials));
    }
}
