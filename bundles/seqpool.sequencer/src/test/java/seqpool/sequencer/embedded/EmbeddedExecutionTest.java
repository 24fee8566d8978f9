package seqpool.sequencer.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static seqpool.sequencer.embedded.EthTxs.GWEI;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.AccessListObject;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.sequencer.BlockExecution;
import seqpool.api.sequencer.ExecutionException;
import seqpool.api.store.StoreException;

/** Execution of transfers: balances, nonces, fees, receipts, blocks, and what produce leaves out. */
class EmbeddedExecutionTest {
    static final Address BOB = EthTxs.fresh(0xB0B);
    static final BigInteger BASE_FEE_1 = BigInteger.valueOf(875_000_000L); // 1 gwei after an empty genesis
    static final BigInteger TWO_GWEI = GWEI.multiply(BigInteger.TWO);

    static BigInteger wei(long v) {
        return BigInteger.valueOf(v);
    }

    @Test
    void aLegacyTransferPaysItsGasPriceAndTipsTheCoinbase() throws Exception {
        EmbeddedEngine e = Engines.fresh();
        Bytes raw = EthTxs.legacy(Engines.dev(0), 0, BOB, wei(1_000), TWO_GWEI, 50_000);
        BlockExecution b = e.produce(1, 1_500, List.of(raw));
        assertEquals(List.of(raw), b.included());
        assertEquals(21_000, b.gasUsed());
        BigInteger paid = wei(21_000).multiply(TWO_GWEI); // the unused 29,000 gas is refunded
        assertEquals(new Account(1, DevAccounts.BALANCE.subtract(paid).subtract(wei(1_000))),
                e.account(Engines.devAddress(0)));
        assertEquals(new Account(0, wei(1_000)), e.account(BOB));
        assertEquals(wei(21_000).multiply(TWO_GWEI.subtract(BASE_FEE_1)), e.account(Engines.COINBASE).balance());
        ReceiptInfo r = e.receipt(TxDecoder.hashOf(raw)).orElseThrow();
        assertEquals(1, r.status());
        assertEquals(21_000, r.gasUsed());
        assertEquals(21_000, r.cumulativeGasUsed());
        assertEquals(TWO_GWEI, r.effectiveGasPrice());
        assertEquals(0, r.type());
        assertEquals(Engines.devAddress(0), r.from());
        assertEquals(BOB, r.to());
        assertEquals(Bytes.wrap(new byte[256]), r.logsBloom());
        assertEquals(b.engineBlockHash(), r.blockHash());
    }

    @Test
    void a1559TransferPaysBaseFeePlusTipCappedByTheFeeCap() throws Exception {
        EmbeddedEngine e = Engines.fresh();
        Bytes capped = EthTxs.eip1559(Engines.dev(0), 0, BOB, wei(7), GWEI, GWEI, 21_000); // cap 1 gwei < 0.875 + 1
        Bytes tipped = EthTxs.eip1559(Engines.dev(1), 0, BOB, wei(9), TWO_GWEI, GWEI, 21_000); // 0.875 + 1 gwei
        BlockExecution b = e.produce(1, 2_000, List.of(capped, tipped));
        assertEquals(2, b.included().size());
        assertEquals(GWEI, e.receipt(TxDecoder.hashOf(capped)).orElseThrow().effectiveGasPrice());
        BigInteger price = BASE_FEE_1.add(GWEI);
        ReceiptInfo second = e.receipt(TxDecoder.hashOf(tipped)).orElseThrow();
        assertEquals(price, second.effectiveGasPrice());
        assertEquals(42_000, second.cumulativeGasUsed());
        assertEquals(1, second.transactionIndex());
        assertEquals(DevAccounts.BALANCE.subtract(wei(21_000).multiply(price)).subtract(wei(9)),
                e.account(Engines.devAddress(1)).balance());
        BigInteger tips = wei(21_000).multiply(GWEI.subtract(BASE_FEE_1)).add(wei(21_000).multiply(GWEI));
        assertEquals(tips, e.account(Engines.COINBASE).balance());
        assertEquals(wei(16), e.account(BOB).balance());
    }

    @Test
    void calldataAndAccessListsCostGasButOnlyValueMoves() throws Exception {
        EmbeddedEngine e = Engines.fresh();
        Bytes data = EthTxs.eip1559(Engines.dev(0), 0, BOB, wei(3), TWO_GWEI, GWEI, 60_000, "0x0001ff00",
                EthTxs.CHAIN, List.of());
        Bytes access = EthTxs.eip2930(Engines.dev(1), 0, BOB, wei(4), TWO_GWEI, 30_000,
                List.of(new AccessListObject(BOB.toHex(), List.of("0x" + "00".repeat(31) + "01"))));
        BlockExecution b = e.produce(1, 0, List.of(data, access));
        assertEquals(2, b.included().size());
        assertEquals(21_000 + 2 * 4 + 2 * 16, e.receipt(TxDecoder.hashOf(data)).orElseThrow().gasUsed());
        assertEquals(21_000 + 2_400 + 1_900, e.receipt(TxDecoder.hashOf(access)).orElseThrow().gasUsed());
        assertEquals(21_040 + 25_300, b.gasUsed());
        assertEquals(21_040, EmbeddedEngine.intrinsicGas(Bytes.fromHex("0001ff00"), List.of()));
        assertEquals(25_300, EmbeddedEngine.intrinsicGas(Bytes.EMPTY, List.of(new AccessListEntry(BOB,
                List.of(Hash32.ZERO)))));
        assertEquals(wei(7), e.account(BOB).balance());
        TxInfo t = e.transaction(TxDecoder.hashOf(data)).orElseThrow();
        assertEquals(Bytes.fromHex("0001ff00"), t.transaction().data());
        assertEquals(Engines.devAddress(0), t.from());
        assertEquals(1, t.blockNumber());
        assertEquals(0, t.index());
        TxInfo a = e.transaction(TxDecoder.hashOf(access)).orElseThrow();
        assertEquals(1, a.transaction().type());
        assertEquals(BOB, a.transaction().accessList().get(0).address());
    }

    @Test
    void produceSkipsInvalidCandidatesAndReportsWhy() throws Exception {
        EmbeddedEngine e = Engines.fresh();
        Bytes n0 = EthTxs.transfer(Engines.dev(1), 0, BOB, 1);
        Bytes n2 = EthTxs.transfer(Engines.dev(1), 2, BOB, 1);
        Bytes n1 = EthTxs.transfer(Engines.dev(1), 1, BOB, 1);
        Bytes poor = EthTxs.transfer(EthTxs.key(1), 0, BOB, 1);
        Bytes garbage = Bytes.fromHex("c0");
        BlockExecution b = e.produce(1, 0, List.of(n0, n2, n0, garbage, n1, poor));
        assertEquals(List.of(n0, n1), b.included());
        List<String> why = b.rejected().stream().map(BlockExecution.RejectedTx::reason).toList();
        assertEquals(4, why.size(), why.toString());
        assertTrue(why.get(0).startsWith(Rejection.NONCE_TOO_HIGH), why.get(0));
        assertTrue(why.get(1).startsWith(Rejection.NONCE_TOO_LOW), why.get(1));
        assertTrue(why.get(2).startsWith(Rejection.UNDECODABLE), why.get(2));
        assertTrue(why.get(3).startsWith(Rejection.INSUFFICIENT_FUNDS), why.get(3));
        assertEquals(List.of(TxDecoder.hashOf(n2), TxDecoder.hashOf(n0), TxDecoder.hashOf(garbage),
                TxDecoder.hashOf(poor)), b.rejected().stream().map(BlockExecution.RejectedTx::hash).toList());
        assertEquals(2, e.account(Engines.devAddress(1)).nonce());
    }

    @Test
    void produceFillsTheBlockUpToItsGasLimitAndLeavesTheRestUnmentioned() throws Exception {
        EmbeddedEngine e = Engines.fresh(Engines.config().withBlockGasLimit(100_000));
        Bytes a = EthTxs.transfer(Engines.dev(0), 0, BOB, 1);
        Bytes big = EthTxs.eip1559(Engines.dev(1), 0, BOB, wei(1), TWO_GWEI, GWEI, 60_000); // uses 21,000
        Bytes tooBig = EthTxs.eip1559(Engines.dev(2), 0, BOB, wei(1), TWO_GWEI, GWEI, 60_000); // 58,000 left
        Bytes d = EthTxs.transfer(Engines.dev(3), 0, BOB, 1);
        Bytes e5 = EthTxs.transfer(Engines.dev(4), 0, BOB, 1);
        Bytes f = EthTxs.transfer(Engines.dev(5), 0, BOB, 1);
        BlockExecution b = e.produce(1, 0, List.of(a, big, tooBig, d, e5, f));
        assertEquals(List.of(a, big, d, e5), b.included());
        assertEquals(List.of(), b.rejected());
        assertEquals(84_000, b.gasUsed());
        assertEquals(0, e.account(Engines.devAddress(2)).nonce());
    }

    @Test
    void theBlockRecordsItsHeaderAndIsFoundByNumberAndHash() throws Exception {
        EmbeddedEngine e = Engines.fresh();
        BlockInfo genesis = e.head();
        assertEquals(0, genesis.number());
        assertEquals(GWEI, genesis.baseFeePerGas());
        Bytes raw = EthTxs.transfer(Engines.dev(0), 0, BOB, 1);
        BlockExecution b = e.produce(1, 12_345, List.of(raw));
        BlockInfo block = e.block(1).orElseThrow();
        assertEquals(block, e.block(b.engineBlockHash()).orElseThrow());
        assertEquals(b.engineBlockHash(), block.hash());
        assertEquals(genesis.hash(), block.parentHash());
        assertEquals(12, block.timestamp());
        assertEquals(12_345, block.timestampMillis());
        assertEquals(Engines.COINBASE, block.miner());
        assertEquals(b.stateRoot(), block.stateRoot());
        assertEquals(e.stateRoot(), block.stateRoot());
        assertEquals(BASE_FEE_1, block.baseFeePerGas());
        assertEquals(30_000_000, block.gasLimit());
        assertEquals(List.of(TxDecoder.hashOf(raw)), block.transactions());
        assertEquals(BlockHeaders.hashOf(EthTxs.CHAIN, block), block.hash());
        assertEquals(BlockHeaders.transactionsRoot(block.transactions()), block.transactionsRoot());
        assertEquals("embedded", e.kind());
        assertEquals(1, e.headNumber());
    }

    @Test
    void theBaseFeeFollowsEip1559AndTheBurnLeavesTheSupplyShort() throws Exception {
        EmbeddedEngine e = Engines.fresh(Engines.config().withBlockGasLimit(42_000)); // target 21,000
        BigInteger supply = sum(e);
        assertEquals(BASE_FEE_1, e.nextBaseFee());
        e.produce(1, 0, List.of(EthTxs.transfer(Engines.dev(0), 0, BOB, 1))); // at target
        assertEquals(BASE_FEE_1, e.nextBaseFee());
        e.produce(2, 0, List.of(EthTxs.transfer(Engines.dev(0), 1, BOB, 1),
                EthTxs.transfer(Engines.dev(1), 0, BOB, 1))); // full: +12.5 %
        BigInteger up = wei(984_375_000L);
        assertEquals(up, e.nextBaseFee());
        e.produce(3, 0, List.of()); // empty: -12.5 %
        assertEquals(up, e.block(3).orElseThrow().baseFeePerGas());
        assertEquals(wei(861_328_125L), e.nextBaseFee());
        BigInteger burned = wei(21_000).multiply(BASE_FEE_1).multiply(wei(3));
        assertEquals(supply.subtract(burned), sum(e));
    }

    @Test
    void baseFeeVectors() {
        assertEquals(GWEI, BaseFee.next(30_000_000, 15_000_000, GWEI));
        assertEquals(wei(1_125_000_000L), BaseFee.next(30_000_000, 30_000_000, GWEI));
        assertEquals(BASE_FEE_1, BaseFee.next(30_000_000, 0, GWEI));
        assertEquals(wei(2), BaseFee.next(30_000_000, 15_000_001, wei(1)), "rises by at least 1 wei");
        assertEquals(wei(7), BaseFee.next(30_000_000, 0, wei(7)), "7 wei is the floor of the decay");
    }

    @Test
    void aSenderRecoveredAtAdmissionIsNotRecoveredAgainWhenProduced() throws Exception {
        EmbeddedEngine e = Engines.fresh();
        List<Bytes> txs = List.of(EthTxs.transfer(Engines.dev(0), 0, BOB, 1), EthTxs.transfer(Engines.dev(1), 0,
                BOB, 1), EthTxs.transfer(Engines.dev(2), 0, BOB, 1));
        txs.forEach(e::check);
        assertEquals(3, e.recoveries());
        BlockExecution b = e.produce(1, 0, txs);
        assertEquals(3, b.included().size());
        assertEquals(3, e.recoveries());
        EmbeddedEngine follower = Engines.fresh();
        follower.replay(1, 0, b.included(), b.stateRoot());
        assertEquals(3, follower.recoveries());
    }

    @Test
    void feeHistoryReportsBaseFeesRatiosAndTipPercentiles() throws Exception {
        EmbeddedEngine e = Engines.fresh();
        Bytes tip1 = EthTxs.eip1559(Engines.dev(0), 0, BOB, wei(1), TWO_GWEI, GWEI, 21_000);
        Bytes legacy = EthTxs.legacy(Engines.dev(1), 0, BOB, wei(1), TWO_GWEI, 21_000); // tip 1.125 gwei
        e.produce(1, 0, List.of(legacy, tip1));
        e.produce(2, 0, List.of());
        FeeHistory h = e.feeHistory(5, 2, List.of(0.0, 50.0, 100.0));
        assertEquals(0, h.oldestBlock());
        assertEquals(List.of(GWEI, BASE_FEE_1, e.block(2).orElseThrow().baseFeePerGas(), e.nextBaseFee()),
                h.baseFeePerGas());
        assertEquals(42_000.0 / 30_000_000, h.gasUsedRatio().get(1), 1e-12);
        assertEquals(List.of(GWEI, GWEI, wei(1_125_000_000L)), h.reward().get(1));
        assertEquals(List.of(wei(0), wei(0), wei(0)), h.reward().get(2));
        assertEquals(2, e.feeHistory(2, 99, List.of()).baseFeePerGas().size() - 1);
    }

    static BigInteger sum(EmbeddedEngine e) throws StoreException {
        Set<Address> all = new TreeSet<>(Engines.alloc().keySet());
        all.add(BOB);
        all.add(Engines.COINBASE);
        BigInteger s = BigInteger.ZERO;
        for (Address a : all) {
            s = s.add(e.account(a).balance());
            assertEquals(e.account(a), e.accountAt(a, e.headNumber()).orElseThrow());
        }
        return s;
    }

    static Hash32 root(EmbeddedEngine e) {
        return e.stateRoot();
    }
}
