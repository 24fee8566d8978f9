package seqpool.staking.l1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

import seqpool.api.common.Hash32;
import seqpool.api.identity.EcdsaSignature;
import seqpool.codec.crypto.LocalNodeSigner;

/**
 * EIP-1559 signing with a NodeSigner: the same bytes as web3j's own signer for the same key, the sender recovered
 * from the encoding for both y parities, and a wrong parity detected.
 */
class NodeSignerTxSignerTest {
    private static final long CHAIN_ID = 31337;
    private static final byte[] KEY = HexFormat.of().parseHex(
            "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
    private static final LocalNodeSigner SIGNER = LocalNodeSigner.fromPrivateKey(KEY);
    private static final NodeSignerTxSigner TX_SIGNER = new NodeSignerTxSigner(SIGNER);

    private static RawTransaction tx(long nonce) {
        return RawTransaction.createTransaction(CHAIN_ID, BigInteger.valueOf(nonce), BigInteger.valueOf(90_000),
                "0x5fbdb2315678afecb367f032d93f642f64180aa3", BigInteger.valueOf(nonce * 1_000),
                "0xa9059cbb" + "00".repeat(nonce % 3 == 0 ? 0 : 32), BigInteger.valueOf(1_000_000_000L),
                BigInteger.valueOf(3_000_000_000L));
    }

    private static String sender(byte[] signed) throws Exception {
        return ((SignedRawTransaction) TransactionDecoder.decode(Numeric.toHexString(signed))).getFrom();
    }

    @Test
    void sameBytesAsWeb3jSigningWithTheSameKey() {
        Credentials reference = Credentials.create(Numeric.toHexStringNoPrefix(KEY));
        assertEquals(reference.getAddress(), TX_SIGNER.getAddress());
        for (long nonce = 0; nonce < 8; nonce++) {
            RawTransaction t = tx(nonce);
            assertArrayEquals(TransactionEncoder.signMessage(t, CHAIN_ID, reference), TX_SIGNER.sign(t, CHAIN_ID),
                    "nonce " + nonce);
            assertArrayEquals(Hash.sha3(TransactionEncoder.encode(t)), NodeSignerTxSigner.signingHash(t).value().toArray(),
                    "the digest is keccak256 of the unsigned typed encoding");
        }
    }

    @Test
    void recoveredSenderIsTheSignerForBothParitiesAndAWrongParityIsCaught() throws Exception {
        Set<Integer> parities = new HashSet<>();
        for (long nonce = 0; nonce < 40 && parities.size() < 2; nonce++) {
            RawTransaction t = tx(nonce);
            byte[] signed = TX_SIGNER.sign(t, CHAIN_ID);
            assertEquals(0x02, signed[0], "typed transaction envelope");
            assertEquals(SIGNER.address().toHex(), sender(signed), "nonce " + nonce);

            EcdsaSignature sig = SIGNER.sign(NodeSignerTxSigner.signingHash(t));
            int parity = NodeSignerTxSigner.yParity(sig);
            assertEquals(sig.v() - 27, parity);
            parities.add(parity);
            byte[] flipped = NodeSignerTxSigner.encodeSigned(t, 1 - parity, sig.r(), sig.s());
            assertNotEquals(SIGNER.address().toHex(), recoverOrNull(flipped), "a flipped parity recovers someone else");
        }
        assertEquals(Set.of(0, 1), parities, "both y parities were exercised");
        RawTransaction t = tx(1);
        EcdsaSignature sig = SIGNER.sign(NodeSignerTxSigner.signingHash(t));
        assertThrows(IllegalArgumentException.class, () -> NodeSignerTxSigner.encodeSigned(t, sig.v(), sig.r(), sig.s()),
                "v (27/28) is not a y parity");
    }

    @Test
    void otherTypesAndChainsAreRefused() {
        RawTransaction legacy = RawTransaction.createTransaction(BigInteger.ONE, BigInteger.TEN, BigInteger.valueOf(21_000),
                "0x5fbdb2315678afecb367f032d93f642f64180aa3", BigInteger.ONE, "0x");
        assertThrows(IllegalArgumentException.class, () -> TX_SIGNER.sign(legacy, CHAIN_ID));
        assertThrows(IllegalArgumentException.class, () -> TX_SIGNER.sign(tx(1), 1));
    }

    @Test
    void signingHashChangesWithEveryField() {
        Hash32 base = NodeSignerTxSigner.signingHash(tx(5));
        RawTransaction otherChain = RawTransaction.createTransaction(1, BigInteger.valueOf(5), BigInteger.valueOf(90_000),
                "0x5fbdb2315678afecb367f032d93f642f64180aa3", BigInteger.valueOf(5_000), "0xa9059cbb" + "00".repeat(32),
                BigInteger.valueOf(1_000_000_000L), BigInteger.valueOf(3_000_000_000L));
        assertNotEquals(base, NodeSignerTxSigner.signingHash(otherChain));
        assertNotEquals(base, NodeSignerTxSigner.signingHash(tx(4)));
    }

    private static String recoverOrNull(byte[] signed) {
        try {
            return sender(signed);
        } catch (Exception e) {
            return null;
        }
    }
}
