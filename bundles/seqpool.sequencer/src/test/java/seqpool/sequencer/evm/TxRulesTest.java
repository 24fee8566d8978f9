package seqpool.sequencer.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static seqpool.sequencer.evm.EvmFixtures.CHAIN_ID;
import static seqpool.sequencer.evm.EvmFixtures.MAX_FEE;
import static seqpool.sequencer.evm.EvmFixtures.SINK;
import static seqpool.sequencer.evm.EvmFixtures.TIP;
import static seqpool.sequencer.evm.EvmFixtures.dev;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.crypto.AccessListObject;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.codec.crypto.Keccak;
import seqpool.codec.crypto.Secp256k1;

/** The stateless transaction rules as a table: each row a transaction and the code and message it must get. */
class TxRulesTest {
    static final long GAS_LIMIT = AnvilSettings.DEFAULT_BLOCK_GAS_LIMIT;
    static final BigInteger G21K = BigInteger.valueOf(21_000);

    static Bytes eip1559(Credentials key, long chainId, BigInteger gas, String to, String data, BigInteger tip,
            BigInteger maxFee) {
        RawTransaction tx = RawTransaction.createTransaction(chainId, BigInteger.ZERO, gas, to, BigInteger.ONE, data,
                tip, maxFee);
        return Bytes.wrap(TransactionEncoder.signMessage(tx, chainId, key));
    }

    static Bytes simple(BigInteger gas, String to, String data) {
        return eip1559(dev(0), CHAIN_ID, gas, to, data, TIP, MAX_FEE);
    }

    static Bytes legacy(long chainId) {
        RawTransaction tx = RawTransaction.createEtherTransaction(BigInteger.valueOf(3), MAX_FEE, G21K, SINK,
                BigInteger.TEN);
        return Bytes.wrap(chainId == 0 ? TransactionEncoder.signMessage(tx, dev(1))
                : TransactionEncoder.signMessage(tx, chainId, dev(1)));
    }

    static Bytes accessList() {
        RawTransaction tx = RawTransaction.createTransaction(CHAIN_ID, BigInteger.valueOf(5), MAX_FEE,
                BigInteger.valueOf(30_000), SINK, BigInteger.ONE, "0x",
                List.of(new AccessListObject(SINK, List.of("0x" + "00".repeat(31) + "01"))));
        return Bytes.wrap(TransactionEncoder.signMessage(tx, dev(2)));
    }

    /** The same transaction with s replaced by n - s and the parity flipped: it recovers the same sender. */
    static Bytes highS() {
        Bytes raw = simple(G21K, SINK, "");
        SignedRawTransaction tx = (SignedRawTransaction) TransactionDecoder.decode(Numeric.toHexString(raw.toArray()));
        Sign.SignatureData sig = tx.getSignatureData();
        BigInteger s = Secp256k1.N.subtract(Numeric.toBigInt(sig.getS()));
        byte v = (byte) (55 - sig.getV()[0]); // web3j keeps 27/28 for typed transactions too
        Sign.SignatureData flipped = new Sign.SignatureData(v, sig.getR(), Numeric.toBytesPadded(s, 32));
        return Bytes.wrap(TransactionEncoder.encode(tx, flipped));
    }

    static String hex(int bytes, int fill) {
        byte[] b = new byte[bytes];
        java.util.Arrays.fill(b, (byte) fill);
        return "0x" + HexFormat.of().formatHex(b);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                row("empty", () -> Bytes.EMPTY, -32602, "empty transaction"),
                row("garbage", () -> Bytes.fromHex("deadbeef"), -32602, "transaction could not be decoded"),
                row("RLP string, not a list", () -> Bytes.fromHex("820102"), -32602, "transaction could not be decoded"),
                row("trailing byte", () -> simple(G21K, SINK, "").concat(Bytes.of((byte) 0)), -32602,
                        "transaction could not be decoded"),
                row("blob transaction", () -> Bytes.fromHex("03c0"), -32000, "transaction type not supported"),
                row("set-code transaction", () -> Bytes.fromHex("04c0"), -32000, "transaction type not supported"),
                row("oversized", () -> simple(BigInteger.valueOf(10_000_000), SINK, hex(131_072, 1)), -32000,
                        "oversized data"),
                row("another chain", () -> eip1559(dev(0), 902, G21K, SINK, "", TIP, MAX_FEE), -32000,
                        "invalid chain id"),
                row("legacy, another chain", () -> legacy(1), -32000, "invalid chain id"),
                row("legacy without chain id", () -> legacy(0), -32000,
                        "only replay-protected (EIP-155) transactions allowed over RPC"),
                row("gas above the block's", () -> simple(BigInteger.valueOf(GAS_LIMIT + 1), SINK, ""), -32000,
                        "exceeds block gas limit"),
                row("tip above fee cap", () -> eip1559(dev(0), CHAIN_ID, G21K, SINK, "", MAX_FEE.add(BigInteger.ONE),
                        MAX_FEE), -32000, "max priority fee per gas higher than max fee per gas"),
                row("high s", TxRulesTest::highS, -32000, "invalid sender"),
                row("intrinsic gas", () -> simple(BigInteger.valueOf(20_999), SINK, ""), -32000,
                        "intrinsic gas too low: gas 20999, minimum needed 21000"),
                row("calldata", () -> simple(BigInteger.valueOf(21_000 + 16 * 99), SINK, hex(100, 7)), -32000,
                        "intrinsic gas too low: gas 22584, minimum needed 22600"),
                row("floor", () -> simple(BigInteger.valueOf(40_000), SINK, hex(1000, 7)), -32000,
                        "insufficient gas for floor data gas cost: gas 40000, minimum needed 61000"),
                row("create gas", () -> simple(BigInteger.valueOf(53_000), "", "0x00"), -32000,
                        "intrinsic gas too low: gas 53000, minimum needed 53006"),
                row("initcode size", () -> simple(BigInteger.valueOf(5_000_000), "", hex(49_153, 1)), -32000,
                        "max initcode size exceeded: code size 49153, limit 49152"));
    }

    static Arguments row(String name, Supplier<Bytes> tx, int code, String message) {
        return Arguments.of(name, tx, code, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refuses(String name, Supplier<Bytes> tx, int code, String message) {
        TxRefusal r = assertThrows(TxRefusal.class, () -> TxRules.decode(tx.get(), CHAIN_ID, GAS_LIMIT), name);
        assertEquals(code, r.code(), r.getMessage());
        assertTrue(r.getMessage().startsWith(message), r.getMessage());
    }

    @Test
    void decodesEip1559WithSenderHashNonceAndFee() throws TxRefusal {
        Bytes raw = simple(G21K, SINK, "");
        DecodedTx tx = TxRules.decode(raw, CHAIN_ID, GAS_LIMIT);
        assertEquals(Address.fromHex(dev(0).getAddress()), tx.from());
        assertEquals(Keccak.keccak256(raw), tx.hash());
        assertEquals(0, tx.nonce());
        assertEquals(MAX_FEE, tx.maxFeePerGas());
        assertEquals(G21K.multiply(MAX_FEE).add(BigInteger.ONE), tx.maxCost());
    }

    @Test
    void decodesLegacyEip155AndAccessListTransactions() throws TxRefusal {
        DecodedTx legacy = TxRules.decode(legacy(CHAIN_ID), CHAIN_ID, GAS_LIMIT);
        assertEquals(Address.fromHex(dev(1).getAddress()), legacy.from());
        assertEquals(3, legacy.nonce());
        assertEquals(MAX_FEE, legacy.maxFeePerGas());
        DecodedTx withList = TxRules.decode(accessList(), CHAIN_ID, GAS_LIMIT);
        assertEquals(Address.fromHex(dev(2).getAddress()), withList.from());
        assertEquals(5, withList.nonce());
    }

    @Test
    void intrinsicGasCountsTheAccessList() {
        var list = List.of(new AccessListObject(SINK, List.of("0x01", "0x02")));
        assertEquals(21_000 + 2_400 + 2 * 1_900, TxRules.intrinsicGas(new byte[0], false, list));
        assertEquals(21_000 + 32_000 + 4 + 16 + 2, TxRules.intrinsicGas(new byte[] {0, 1}, true, List.of()));
        assertEquals(21_000 + 10 * 5, TxRules.floorDataGas(new byte[] {0, 1}));
    }
}
