package seqpool.sequencer.embedded;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;
import seqpool.sequencer.embedded.BlockExecutor.ExecutedTx;
import seqpool.sequencer.embedded.StoreCodec.Change;

/** Builds what a block stores from its execution: the header record, the transaction records, the undo record. */
record BlockAssembly(BlockInfo block, List<StoredTx> transactions, List<Change> undo) {
    static BlockAssembly of(EmbeddedConfig config, BlockInfo parent, long number, long timestampMillis,
            BlockExecutor ex, Hash32 stateRoot) {
        List<ExecutedTx> executed = ex.executed();
        List<Hash32> hashes = executed.stream().map(e -> e.rtx().tx().hash()).toList();
        Hash32 txRoot = BlockHeaders.transactionsRoot(hashes);
        Hash32 receiptsRoot = BlockHeaders.receiptsRoot(executed);
        Hash32 hash = BlockHeaders.hash(config.chainId(), number, parent.hash(), timestampMillis, config.coinbase(),
                stateRoot, txRoot, receiptsRoot, ex.gasUsed(), config.blockGasLimit(), ex.baseFee());
        BlockInfo block = new BlockInfo(number, hash, parent.hash(), timestampMillis, config.coinbase(), stateRoot,
                txRoot, receiptsRoot, ex.gasUsed(), config.blockGasLimit(), ex.baseFee(), hashes);
        List<StoredTx> stored = new ArrayList<>(executed.size());
        for (int i = 0; i < executed.size(); i++) {
            ExecutedTx e = executed.get(i);
            stored.add(new StoredTx(e.rtx().tx().raw(), e.rtx().sender(), number, i, 1, e.gasUsed(),
                    e.cumulativeGasUsed(), e.effectiveGasPrice()));
        }
        List<Change> undo = ex.before().entrySet().stream().map(e -> new Change(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Change::address)).toList();
        return new BlockAssembly(block, stored, undo);
    }

    /** The genesis block: number {@code genesisNumber}, parent zero, timestamp 0, miner zero, no transactions. */
    static BlockInfo genesis(EmbeddedConfig config, Hash32 stateRoot) {
        Hash32 txRoot = BlockHeaders.transactionsRoot(List.of());
        Hash32 receiptsRoot = BlockHeaders.receiptsRoot(List.of());
        long n = config.genesisNumber();
        Address miner = EmbeddedConfig.ZERO_ADDRESS;
        Hash32 hash = BlockHeaders.hash(config.chainId(), n, Hash32.ZERO, 0, miner, stateRoot, txRoot, receiptsRoot,
                0, config.blockGasLimit(), config.initialBaseFee());
        return new BlockInfo(n, hash, Hash32.ZERO, 0, miner, stateRoot, txRoot, receiptsRoot, 0,
                config.blockGasLimit(), config.initialBaseFee(), List.of());
    }
}
