package seqpool.sequencer.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static seqpool.sequencer.evm.EvmFixtures.CHAIN_ID;
import static seqpool.sequencer.evm.EvmFixtures.ETH;
import static seqpool.sequencer.evm.EvmFixtures.MAX_FEE;
import static seqpool.sequencer.evm.EvmFixtures.SINK;
import static seqpool.sequencer.evm.EvmFixtures.TIP;
import static seqpool.sequencer.evm.EvmFixtures.dev;
import static seqpool.sequencer.evm.EvmFixtures.start;
import static seqpool.sequencer.evm.EvmFixtures.stranger;
import static seqpool.sequencer.evm.EvmFixtures.transfer;
import static seqpool.sequencer.evm.EvmFixtures.ts;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.sequencer.BlockExecution;
import seqpool.api.sequencer.TxCheck;
import seqpool.codec.crypto.Keccak;

/** {@code check()} against anvil's state, in geth's words; anvil itself refuses what check() refuses. */
class AnvilCheckIT {

    static Bytes signed(Credentials key, long chainId, long nonce, BigInteger gas, BigInteger value, String data,
            BigInteger maxFee) {
        RawTransaction tx = RawTransaction.createTransaction(chainId, BigInteger.valueOf(nonce), gas, SINK, value, data,
                TIP.min(maxFee), maxFee);
        return Bytes.wrap(TransactionEncoder.signMessage(tx, chainId, key));
    }

    @Test
    void checksNonceBalanceFeesChainIdGasAndSizeAgainstTheHead() throws Exception {
        try (AnvilEngine engine = start("check")) {
            Bytes valid = transfer(dev(0), 0, SINK, BigInteger.ONE);
            TxCheck ok = engine.check(valid);
            assertEquals(new TxCheck.Valid(new seqpool.api.sequencer.L2Transaction(valid, Keccak.keccak256(valid),
                    Address.fromHex(dev(0).getAddress()), 0), MAX_FEE), ok);
            assertTrue(engine.check(transfer(dev(0), 7, SINK, BigInteger.ONE)) instanceof TxCheck.Valid,
                    "a future nonce may wait in the mempool");
            BlockExecution b1 = engine.produce(1, ts(1), List.of(valid));
            assertEquals(1, b1.included().size());

            String dev0 = dev(0).getAddress().toLowerCase();
            String poor = stranger(1).getAddress().toLowerCase();
            BigInteger want21k = BigInteger.valueOf(21_000).multiply(MAX_FEE).add(BigInteger.ONE);
            List<Object[]> rows = List.of(
                    row(transfer(dev(0), 0, SINK, BigInteger.TWO), -32000,
                            "nonce too low: address " + dev0 + ", tx: 0 state: 1"),
                    row(transfer(stranger(1), 0, SINK, BigInteger.ONE), -32000,
                            "insufficient funds for gas * price + value: address " + poor + " have 0 want " + want21k),
                    row(transfer(dev(1), 0, SINK, ETH.multiply(BigInteger.valueOf(10_001))), -32000,
                            "insufficient funds for gas * price + value: address"),
                    row(signed(dev(2), 902, 0, BigInteger.valueOf(21_000), BigInteger.ONE, "", MAX_FEE), -32000,
                            "invalid chain id"),
                    row(signed(dev(2), CHAIN_ID, 0, BigInteger.valueOf(300_000_001), BigInteger.ONE, "", MAX_FEE),
                            -32000, "exceeds block gas limit"),
                    row(signed(dev(2), CHAIN_ID, 0, BigInteger.valueOf(21_000), BigInteger.ONE, "", BigInteger.TEN),
                            -32000, "max fee per gas less than block base fee: address "
                                    + dev(2).getAddress().toLowerCase() + ", maxFeePerGas: 10, baseFee: 875017500"),
                    row(signed(dev(2), CHAIN_ID, 0, BigInteger.valueOf(20_000_000), BigInteger.ONE,
                            "0x" + "ab".repeat(TxRules.MAX_TX_SIZE), MAX_FEE), -32000, "oversized data"),
                    row(Bytes.fromHex("f86c8085"), -32602, "transaction could not be decoded"));
            List<Bytes> refused = new ArrayList<>();
            for (Object[] r : rows) {
                TxCheck c = engine.check((Bytes) r[0]);
                assertTrue(c instanceof TxCheck.Invalid, c.toString());
                TxCheck.Invalid invalid = (TxCheck.Invalid) c;
                assertEquals((int) r[1], invalid.code(), invalid.message());
                assertTrue(invalid.message().startsWith((String) r[2]), invalid.message() + " / " + r[2]);
                refused.add((Bytes) r[0]);
            }

            // produce() agrees: none of them gets into a block (anvil refuses all but the oversized one, which the
            // engine refuses before anvil sees it: it would not fit the l2 wire format)
            BlockExecution b2 = engine.produce(2, ts(2), refused);
            assertEquals(List.of(), b2.included());
            assertEquals(refused.size(), b2.rejected().size(), b2.rejected().toString());
            assertTrue(b2.rejected().stream().anyMatch(r -> r.reason().equals("oversized data")), b2.rejected().toString());
            assertTrue(b2.rejected().stream().anyMatch(r -> r.reason().startsWith("nonce too low")),
                    b2.rejected().toString());
            assertTrue(b2.rejected().stream().anyMatch(r -> r.reason().startsWith("insufficient funds")),
                    b2.rejected().toString());
        }
    }

    static Object[] row(Bytes tx, int code, String message) {
        return new Object[] {tx, code, message};
    }
}
