package seqpool.sequencer.embedded;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import seqpool.api.common.Hash32;
import seqpool.api.store.StoreException;

/**
 * What the JSON-RPC layer reads from the embedded ledger's store: transactions and receipts by hash, and fee history.
 * Stateless apart from the store; thread-safe.
 */
final class EngineReads {
    /** The most blocks one fee-history request covers (geth's limit). */
    static final int MAX_FEE_HISTORY_BLOCKS = 1024;

    private final EngineStore store;
    private final TxDecoder decoder;

    EngineReads(EngineStore store, TxDecoder decoder) {
        this.store = store;
        this.decoder = decoder;
    }

    Optional<TxInfo> transaction(Hash32 hash) throws StoreException {
        Optional<StoredTx> st = store.tx(hash);
        if (st.isEmpty()) {
            return Optional.empty();
        }
        StoredTx t = st.get();
        Optional<BlockInfo> block = store.block(t.blockNumber());
        if (block.isEmpty()) {
            return Optional.empty(); // rewound meanwhile
        }
        return Optional.of(new TxInfo(decodeStored(t), t.from(), t.blockNumber(), block.get().hash(), t.index(),
                t.effectiveGasPrice()));
    }

    Optional<ReceiptInfo> receipt(Hash32 hash) throws StoreException {
        Optional<TxInfo> info = transaction(hash);
        if (info.isEmpty()) {
            return Optional.empty();
        }
        TxInfo i = info.get();
        StoredTx t = store.tx(hash).orElseThrow(() -> new StoreException("transaction " + hash + " vanished"));
        return Optional.of(new ReceiptInfo(hash, i.index(), i.blockNumber(), i.blockHash(), i.from(),
                i.transaction().to(), i.transaction().type(), t.status(), t.cumulativeGasUsed(), t.gasUsed(),
                t.effectiveGasPrice()));
    }

    /**
     * Fee history of up to {@code blockCount} blocks ending at {@code newest} (clamped to the head and the genesis).
     *
     * @throws IllegalArgumentException when the percentiles are not increasing values in [0, 100]
     */
    FeeHistory feeHistory(int blockCount, long newest, long head, long genesis, List<Double> percentiles)
            throws StoreException {
        double last = 0;
        for (double p : percentiles) {
            if (p < 0 || p > 100 || p < last) {
                throw new IllegalArgumentException("reward percentiles must be increasing values in [0, 100]: "
                        + percentiles);
            }
            last = p;
        }
        long to = Math.min(newest, head);
        long count = Math.min(Math.min(blockCount, MAX_FEE_HISTORY_BLOCKS), to - genesis + 1);
        if (count < 1) {
            return new FeeHistory(0, List.of(), List.of(), List.of());
        }
        long from = to - count + 1;
        List<BigInteger> baseFees = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<List<BigInteger>> rewards = new ArrayList<>();
        BlockInfo b = null;
        for (long n = from; n <= to; n++) {
            final long number = n;
            b = store.block(n).orElseThrow(() -> new StoreException("block " + number + " is missing"));
            baseFees.add(b.baseFeePerGas());
            ratios.add(b.gasLimit() == 0 ? 0.0 : (double) b.gasUsed() / b.gasLimit());
            if (!percentiles.isEmpty()) {
                rewards.add(rewards(b, percentiles));
            }
        }
        baseFees.add(BaseFee.next(b));
        return new FeeHistory(from, baseFees, ratios, rewards);
    }

    /** geth's rule: the tips sorted ascending, weighted by gas used; the tip where the cumulative gas reaches p%. */
    private List<BigInteger> rewards(BlockInfo b, List<Double> percentiles) throws StoreException {
        List<StoredTx> txs = new ArrayList<>(store.transactions(b));
        List<BigInteger> out = new ArrayList<>(percentiles.size());
        if (txs.isEmpty()) {
            percentiles.forEach(p -> out.add(BigInteger.ZERO));
            return out;
        }
        BigInteger baseFee = b.baseFeePerGas();
        txs.sort(Comparator.comparing(t -> t.effectiveGasPrice().subtract(baseFee)));
        int i = 0;
        long sum = txs.get(0).gasUsed();
        for (double p : percentiles) {
            long threshold = (long) (b.gasUsed() * p / 100);
            while (sum < threshold && i < txs.size() - 1) {
                i++;
                sum += txs.get(i).gasUsed();
            }
            out.add(txs.get(i).effectiveGasPrice().subtract(baseFee));
        }
        return out;
    }

    private DecodedTx decodeStored(StoredTx t) throws StoreException {
        try {
            return decoder.decode(t.raw());
        } catch (InvalidTxException e) {
            throw new StoreException("stored transaction does not decode: " + e.getMessage(), e);
        }
    }
}
