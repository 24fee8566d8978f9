package seqpool.sequencer.backend;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.sequencer.L2Chain;
import seqpool.api.store.StoreException;
import seqpool.sequencer.embedded.AccessListEntry;
import seqpool.sequencer.embedded.BlockInfo;
import seqpool.sequencer.embedded.EmbeddedEngine;
import seqpool.sequencer.embedded.ReceiptInfo;
import seqpool.sequencer.embedded.TxInfo;
import seqpool.sequencer.rpc.BlockSelector;
import seqpool.sequencer.rpc.CallRequest;
import seqpool.sequencer.rpc.EthBackendException;
import seqpool.sequencer.rpc.FeeHistory;
import seqpool.sequencer.rpc.LogFilter;
import seqpool.sequencer.rpc.RpcBlock;
import seqpool.sequencer.rpc.RpcHeader;
import seqpool.sequencer.rpc.RpcLog;
import seqpool.sequencer.rpc.RpcReceipt;
import seqpool.sequencer.rpc.RpcTransaction;

/**
 * JSON-RPC reads over the embedded engine: its stored blocks, transactions and receipts, and account history for the
 * engine's rewind window. No code runs on this engine, so {@code eth_getCode} is empty, storage is zero,
 * {@code eth_call} returns nothing and {@code eth_estimateGas} is the transfer's intrinsic gas; there are no logs.
 */
public final class EmbeddedBackend extends BackendBase {
    private static final BigInteger ONE_GWEI = BigInteger.valueOf(1_000_000_000L);
    private final EmbeddedEngine engine;

    public EmbeddedBackend(EmbeddedEngine engine, L2Chain chain, Submitter submitter, long firstBlock) {
        super(engine.chainId(), chain, submitter, firstBlock);
        this.engine = engine;
    }

    @Override
    long executedHead() {
        return engine.head().number();
    }

    @Override
    public Optional<RpcBlock> blockByNumber(long number) {
        try {
            return engine.block(number).map(this::block);
        } catch (StoreException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<RpcBlock> blockByHash(Hash32 hash) {
        try {
            return engine.block(hash).map(this::block);
        } catch (StoreException e) {
            return Optional.empty();
        }
    }

    private RpcBlock block(BlockInfo b) {
        List<RpcTransaction> txs = new ArrayList<>();
        long size = 540;
        for (Hash32 h : b.transactions()) {
            Optional<RpcTransaction> t = transactionByHash(h);
            if (t.isPresent()) {
                txs.add(t.get());
                size += t.get().input().size() + 110;
            }
        }
        RpcHeader header = new RpcHeader(b.number(), b.hash(), b.parentHash(), b.timestamp(), b.miner(), b.stateRoot(),
                b.transactionsRoot(), b.receiptsRoot(), RpcHeader.EMPTY_BLOOM, b.gasLimit(), b.gasUsed(), Bytes.EMPTY,
                Hash32.ZERO, RpcHeader.ZERO_NONCE, b.baseFeePerGas(), null, null, null, null, null);
        return new RpcBlock(header, size, txs);
    }

    @Override
    public Optional<RpcTransaction> transactionByHash(Hash32 hash) {
        try {
            return engine.transaction(hash).map(this::transaction);
        } catch (StoreException e) {
            return Optional.empty();
        }
    }

    private RpcTransaction transaction(TxInfo t) {
        var d = t.transaction();
        List<RpcTransaction.AccessListEntry> access = d.type() >= 1 ? d.accessList().stream()
                .map(a -> new RpcTransaction.AccessListEntry(a.address(), a.storageKeys())).toList() : null;
        BigInteger gasPrice = d.type() == 2 ? t.effectiveGasPrice() : d.gasPrice();
        return new RpcTransaction(d.hash(), d.type(), d.nonce(), t.from(), d.to(), d.gasLimit(), d.value(), d.data(),
                gasPrice, d.type() == 2 ? d.maxFeePerGas() : null, d.type() == 2 ? d.maxPriorityFeePerGas() : null,
                null, access, null, d.chainId() == null ? null : d.chainId().longValueExact(), d.v(), d.r(), d.s(),
                new RpcTransaction.Inclusion(t.blockHash(), t.blockNumber(), blockTimestamp(t.blockNumber()),
                        t.index()));
    }

    private long blockTimestamp(long number) {
        try {
            return engine.block(number).map(BlockInfo::timestamp).orElse(0L);
        } catch (StoreException e) {
            return 0;
        }
    }

    @Override
    public Optional<RpcReceipt> receipt(Hash32 transactionHash) {
        try {
            return engine.receipt(transactionHash).map(EmbeddedBackend::receipt);
        } catch (StoreException e) {
            return Optional.empty();
        }
    }

    private static RpcReceipt receipt(ReceiptInfo r) {
        return new RpcReceipt(r.transactionHash(), r.transactionIndex(), r.blockHash(), r.blockNumber(), r.from(),
                r.to(), r.cumulativeGasUsed(), r.gasUsed(), r.effectiveGasPrice(), null, List.of(), r.logsBloom(),
                r.type(), r.status() == 1);
    }

    private seqpool.sequencer.embedded.Account account(Address a, BlockSelector block) throws EthBackendException {
        long n = require(block);
        if (n == executedHead()) {
            return engine.account(a);
        }
        try {
            return engine.accountAt(a, n).orElseThrow(() -> new EthBackendException(EthBackendException.TX_REJECTED,
                    "historical state not available: this node keeps the last "
                            + engine.config().rewindDepth() + " blocks"));
        } catch (StoreException e) {
            throw new EthBackendException(-32603, "cannot read the state");
        }
    }

    @Override
    public BigInteger balance(Address account, BlockSelector block) throws EthBackendException {
        return account(account, block).balance();
    }

    @Override
    public long transactionCount(Address account, BlockSelector block) throws EthBackendException {
        return nonce(account, block, account(account, block).nonce());
    }

    @Override
    public Bytes code(Address account, BlockSelector block) throws EthBackendException {
        require(block);
        return Bytes.EMPTY;
    }

    @Override
    public Bytes storageAt(Address account, Bytes slot, BlockSelector block) throws EthBackendException {
        require(block);
        return Bytes.wrap(new byte[32]);
    }

    @Override
    public Bytes call(CallRequest call, BlockSelector block) throws EthBackendException {
        require(block);
        return Bytes.EMPTY; // no code runs: a call to any account returns nothing
    }

    @Override
    public long estimateGas(CallRequest call, BlockSelector block) throws EthBackendException {
        require(block);
        List<AccessListEntry> access = call.accessList() == null ? List.of() : call.accessList().stream()
                .map(a -> new AccessListEntry(a.address(), a.storageKeys())).toList();
        return EmbeddedEngine.intrinsicGas(call.input() == null ? Bytes.EMPTY : call.input(), access);
    }

    @Override
    public BigInteger gasPrice() {
        return engine.nextBaseFee().add(ONE_GWEI);
    }

    @Override
    public BigInteger maxPriorityFeePerGas() {
        return ONE_GWEI;
    }

    @Override
    public FeeHistory feeHistory(long oldestBlock, long newestBlock, List<Double> rewardPercentiles)
            throws EthBackendException {
        try {
            var f = engine.feeHistory((int) (newestBlock - oldestBlock + 1), newestBlock, rewardPercentiles);
            return new FeeHistory(f.oldestBlock(), f.baseFeePerGas(), f.gasUsedRatio(), f.reward());
        } catch (StoreException | IllegalArgumentException e) {
            throw new EthBackendException(-32602, "invalid fee history range: " + e.getMessage());
        }
    }

    @Override
    public List<RpcLog> logs(LogFilter filter, int limit) {
        return List.of(); // transfers emit no logs
    }
}
