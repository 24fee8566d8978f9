package seqpool.sequencer.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static seqpool.sequencer.embedded.EthTxs.GWEI;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.crypto.AccessListObject;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;
import org.web3j.utils.Numeric;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.sequencer.ExecutionException;
import seqpool.api.sequencer.TxCheck;

/** Mempool admission ({@code check}): one row per rule, with the code and the phrase clients parse. */
class EmbeddedCheckTest {
    static final Address BOB = EthTxs.fresh(0xB0B);
    static final BigInteger TWO_GWEI = GWEI.multiply(BigInteger.TWO);
    static EmbeddedEngine engine;

    /** One block: dev 0 has nonce 1 afterwards. */
    @BeforeAll
    static void oneBlock() throws ExecutionException {
        engine = Engines.fresh();
        var b = engine.produce(1, 1_000, List.of(EthTxs.transfer(Engines.dev(0), 0, BOB, 5)));
        assertEquals(1, b.included().size());
    }

    static Stream<Arguments> rows() {
        List<Arguments> rows = new ArrayList<>();
        rows.add(row("legacy EIP-155 transfer", () -> EthTxs.legacy(Engines.dev(1), 0, BOB, BigInteger.ONE,
                TWO_GWEI, 21_000), 0, null));
        rows.add(row("EIP-2930 transfer", () -> EthTxs.eip2930(Engines.dev(1), 0, BOB, BigInteger.ONE, TWO_GWEI,
                23_400, List.of(new AccessListObject(BOB.toHex(), List.of()))), 0, null));
        rows.add(row("EIP-1559 transfer", () -> EthTxs.transfer(Engines.dev(1), 0, BOB, 1), 0, null));
        rows.add(row("nonce gap: admitted, the mempool queues it", () -> EthTxs.transfer(Engines.dev(0), 5, BOB, 1),
                0, null));
        rows.add(row("nonce below the sender's", () -> EthTxs.transfer(Engines.dev(0), 0, BOB, 1), -32000,
                Rejection.NONCE_TOO_LOW));
        rows.add(row("cannot pay gas × fee cap", () -> EthTxs.transfer(EthTxs.key(1), 0, BOB, 1), -32000,
                Rejection.INSUFFICIENT_FUNDS));
        rows.add(row("value above the balance", () -> EthTxs.eip1559(Engines.dev(1), 0, BOB,
                DevAccounts.BALANCE, TWO_GWEI, GWEI, 21_000), -32000, Rejection.INSUFFICIENT_FUNDS));
        rows.add(row("unknown sender has nothing", () -> EthTxs.transfer(EthTxs.key(9), 0, BOB, 0), -32000,
                Rejection.INSUFFICIENT_FUNDS));
        rows.add(row("legacy for chain 1", () -> EthTxs.legacy(Engines.dev(1), 0, BOB, BigInteger.ONE, TWO_GWEI,
                21_000, "", 1), -32000, Rejection.INVALID_CHAIN_ID));
        rows.add(row("1559 for chain 902", () -> EthTxs.eip1559(Engines.dev(1), 0, BOB, BigInteger.ONE, TWO_GWEI,
                GWEI, 21_000, "", 902, List.of()), -32000, Rejection.INVALID_CHAIN_ID));
        rows.add(row("pre-EIP-155 legacy", () -> EthTxs.unprotected(Engines.dev(1), 0, BOB, BigInteger.ONE), -32000,
                Rejection.UNPROTECTED));
        rows.add(row("blob transaction (type 3)", () -> Bytes.fromHex("03c0"), -32000,
                Rejection.TX_TYPE_NOT_SUPPORTED));
        rows.add(row("set-code transaction (type 4)", () -> Bytes.fromHex("04f80101"), -32000,
                Rejection.TX_TYPE_NOT_SUPPORTED));
        rows.add(row("deposit-style type 0x7e", () -> Bytes.fromHex("7ec0"), -32000,
                Rejection.TX_TYPE_NOT_SUPPORTED));
        rows.add(row("gas below 21,000", () -> EthTxs.eip1559(Engines.dev(1), 0, BOB, BigInteger.ONE, TWO_GWEI, GWEI,
                20_999), -32000, Rejection.INTRINSIC_GAS));
        rows.add(row("calldata not paid for", () -> EthTxs.eip1559(Engines.dev(1), 0, BOB, BigInteger.ONE, TWO_GWEI,
                GWEI, 21_000, "0x01", EthTxs.CHAIN, List.of()), -32000, Rejection.INTRINSIC_GAS));
        rows.add(row("access list not paid for", () -> EthTxs.eip2930(Engines.dev(1), 0, BOB, BigInteger.ONE,
                TWO_GWEI, 23_399, List.of(new AccessListObject(BOB.toHex(), List.of()))), -32000,
                Rejection.INTRINSIC_GAS));
        rows.add(row("gas above the block's", () -> EthTxs.eip1559(Engines.dev(1), 0, BOB, BigInteger.ONE, TWO_GWEI,
                GWEI, 30_000_001), -32000, Rejection.GAS_LIMIT));
        rows.add(row("over 128 KiB", () -> EthTxs.eip1559(Engines.dev(1), 0, BOB, BigInteger.ONE, TWO_GWEI, GWEI,
                29_000_000, "0x" + "11".repeat(128 * 1024), EthTxs.CHAIN, List.of()), -32000,
                Rejection.OVERSIZED_DATA));
        rows.add(row("fee cap below the base fee", () -> EthTxs.eip1559(Engines.dev(1), 0, BOB, BigInteger.ONE,
                GWEI.divide(BigInteger.TWO), BigInteger.ZERO, 21_000), -32000, Rejection.FEE_CAP_TOO_LOW));
        rows.add(row("legacy gas price below the base fee", () -> EthTxs.legacy(Engines.dev(1), 0, BOB,
                BigInteger.ONE, GWEI.divide(BigInteger.TWO), 21_000), -32000, Rejection.FEE_CAP_TOO_LOW));
        rows.add(row("tip above the fee cap", () -> EthTxs.eip1559(Engines.dev(1), 0, BOB, BigInteger.ONE, GWEI,
                TWO_GWEI, 21_000), -32000, Rejection.TIP_ABOVE_FEE_CAP));
        rows.add(row("contract creation", () -> EthTxs.legacy(Engines.dev(1), 0, null, BigInteger.ZERO, TWO_GWEI,
                100_000, "0x6000", EthTxs.CHAIN), -32000, Rejection.CONTRACT_CREATION));
        rows.add(row("high s", () -> malleate(EthTxs.transfer(Engines.dev(1), 0, BOB, 1)), -32000,
                Rejection.INVALID_SIGNATURE));
        rows.add(row("y parity 2 (web3j cannot encode it again)", () -> withParity(EthTxs.transfer(Engines.dev(1),
                0, BOB, 1), 2), -32602, Rejection.UNDECODABLE));
        rows.add(row("garbage", () -> Bytes.fromHex("deadbeef"), -32602, Rejection.UNDECODABLE));
        rows.add(row("empty", () -> Bytes.EMPTY, -32602, Rejection.UNDECODABLE));
        rows.add(row("a trailing byte", () -> EthTxs.transfer(Engines.dev(1), 0, BOB, 1).concat(Bytes.of((byte) 0)),
                -32602, Rejection.UNDECODABLE));
        rows.add(row("unsigned", () -> Bytes.wrap(TransactionEncoder.encode(RawTransaction.createEtherTransaction(
                BigInteger.ZERO, TWO_GWEI, BigInteger.valueOf(21_000), BOB.toHex(), BigInteger.ONE))), -32602,
                Rejection.UNDECODABLE));
        rows.add(row("nonce with a leading zero", () -> nonCanonicalNonce(EthTxs.legacy(Engines.dev(1), 1, BOB,
                BigInteger.ONE, TWO_GWEI, 21_000)), -32602, Rejection.UNDECODABLE));
        return rows.stream();
    }

    static Arguments row(String name, Supplier<Bytes> raw, int code, String phrase) {
        return Arguments.of(name, raw, code, phrase);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void admission(String name, Supplier<Bytes> raw, int code, String phrase) {
        TxCheck verdict = engine.check(raw.get());
        if (phrase == null) {
            TxCheck.Valid valid = assertInstanceOf(TxCheck.Valid.class, verdict, name);
            assertEquals(TxDecoder.hashOf(raw.get()), valid.transaction().hash());
            return;
        }
        TxCheck.Invalid invalid = assertInstanceOf(TxCheck.Invalid.class, verdict, name);
        assertEquals(code, invalid.code(), invalid.message());
        assertTrue(new Rejection(code, invalid.message()).is(phrase), name + ": " + invalid.message());
    }

    @Test
    void aValidVerdictCarriesTheSenderTheNonceAndTheFeeCap() {
        Bytes raw = EthTxs.legacy(Engines.dev(2), 0, BOB, BigInteger.ONE, TWO_GWEI, 21_000);
        TxCheck.Valid v = assertInstanceOf(TxCheck.Valid.class, engine.check(raw));
        assertEquals(Engines.devAddress(2), v.transaction().from());
        assertEquals(0, v.transaction().nonce());
        assertEquals(raw, v.transaction().raw());
        assertEquals(TWO_GWEI, v.maxFeePerGas());
        Bytes typed = EthTxs.eip1559(Engines.dev(3), 7, BOB, BigInteger.ONE, TWO_GWEI, GWEI, 21_000);
        TxCheck.Valid t = assertInstanceOf(TxCheck.Valid.class, engine.check(typed));
        assertEquals(Engines.devAddress(3), t.transaction().from());
        assertEquals(7, t.transaction().nonce());
    }

    @Test
    void messagesCarryGethsDetails() {
        TxCheck.Invalid low = assertInstanceOf(TxCheck.Invalid.class,
                engine.check(EthTxs.transfer(Engines.dev(0), 0, BOB, 1)));
        assertEquals("nonce too low: address " + Engines.devAddress(0) + ", tx: 0 state: 1", low.message());
        TxCheck.Invalid chain = assertInstanceOf(TxCheck.Invalid.class, engine.check(EthTxs.legacy(Engines.dev(1), 0,
                BOB, BigInteger.ONE, TWO_GWEI, 21_000, "", 1)));
        assertEquals("invalid sender: invalid chain id for signer: have 1 want 901", chain.message());
    }

    @Test
    void neverThrowsOnBadInput() {
        SplittableRandom rnd = new SplittableRandom(42);
        byte[] valid = EthTxs.transfer(Engines.dev(1), 0, BOB, 1).toArray();
        for (int i = 0; i < 3_000; i++) {
            byte[] b;
            if (i % 2 == 0) {
                b = new byte[rnd.nextInt(200)];
                rnd.nextBytes(b);
                if (b.length > 0 && i % 4 == 0) {
                    b[0] = (byte) (0xc0 + rnd.nextInt(64));
                }
            } else {
                b = Arrays.copyOf(valid, valid.length);
                b[rnd.nextInt(b.length)] ^= (byte) (1 + rnd.nextInt(255));
            }
            assertNotNull(engine.check(Bytes.wrap(b)));
        }
    }

    /** The same transaction with s replaced by n - s and the parity flipped: a valid but high-s signature. */
    static Bytes malleate(Bytes raw) {
        SignedRawTransaction t = (SignedRawTransaction) TransactionDecoder.decode("0x" + raw.toHex());
        Sign.SignatureData sig = t.getSignatureData();
        BigInteger highS = Sign.CURVE_PARAMS.getN().subtract(Numeric.toBigInt(sig.getS()));
        byte v = (byte) (sig.getV()[0] == 27 ? 28 : 27);
        return Bytes.wrap(TransactionEncoder.encode(t, new Sign.SignatureData(v, sig.getR(),
                Numeric.toBytesPadded(highS, 32))));
    }

    /** A typed transaction with its y parity replaced (the encoder refuses to write one above 1). */
    static Bytes withParity(Bytes raw, int parity) {
        SignedRawTransaction t = (SignedRawTransaction) TransactionDecoder.decode("0x" + raw.toHex());
        List<RlpType> fields = new ArrayList<>(TransactionEncoder.asRlpValues(t, t.getSignatureData()));
        fields.set(fields.size() - 3, RlpString.create(BigInteger.valueOf(parity)));
        return Bytes.of(raw.get(0)).concat(Bytes.wrap(RlpEncoder.encode(new RlpList(fields))));
    }

    /** A legacy transaction whose nonce is encoded as 0x0001: same value, not canonical RLP. */
    static Bytes nonCanonicalNonce(Bytes raw) {
        SignedRawTransaction t = (SignedRawTransaction) TransactionDecoder.decode("0x" + raw.toHex());
        List<RlpType> fields = new ArrayList<>(TransactionEncoder.asRlpValues(t, t.getSignatureData()));
        fields.set(0, RlpString.create(new byte[] {0, 1}));
        return Bytes.wrap(RlpEncoder.encode(new RlpList(fields)));
    }
}
