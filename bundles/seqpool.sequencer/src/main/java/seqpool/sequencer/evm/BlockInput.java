package seqpool.sequencer.evm;

import java.util.List;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.sequencer.L2Block;

/** One stored L2 block as the engine replays it on a restart: number, timestamp, transactions, expected root. */
public record BlockInput(long number, long timestampMillis, List<Bytes> transactions, Hash32 expectedStateRoot) {
    public BlockInput {
        if (number < 1 || timestampMillis < 0 || expectedStateRoot == null) {
            throw new IllegalArgumentException("invalid block input " + number);
        }
        transactions = List.copyOf(transactions);
    }

    public static BlockInput of(L2Block block) {
        return new BlockInput(block.number(), block.timestampMillis(), block.transactions(), block.stateRoot());
    }
}
