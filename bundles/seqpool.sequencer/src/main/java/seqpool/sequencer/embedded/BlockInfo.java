package seqpool.sequencer.embedded;

import java.math.BigInteger;
import java.util.List;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;

/**
 * A block of the embedded engine as JSON-RPC shows it. {@code hash} is {@link BlockHeaders#hash} of the other header
 * fields; {@code logsBloom} is always zero (no logs), there are no uncles and no difficulty.
 *
 * @param timestampMillis the L2 block's timestamp in milliseconds ({@link #timestamp()} gives Ethereum's seconds)
 * @param miner the fee recipient (the engine's configured coinbase)
 * @param transactions the hashes of the included transactions, in order
 */
public record BlockInfo(long number, Hash32 hash, Hash32 parentHash, long timestampMillis, Address miner,
        Hash32 stateRoot, Hash32 transactionsRoot, Hash32 receiptsRoot, long gasUsed, long gasLimit,
        BigInteger baseFeePerGas, List<Hash32> transactions) {
    public BlockInfo {
        if (number < 0 || timestampMillis < 0 || gasUsed < 0 || gasLimit < 0 || hash == null || parentHash == null
                || miner == null || stateRoot == null || transactionsRoot == null || receiptsRoot == null
                || baseFeePerGas == null || baseFeePerGas.signum() < 0) {
            throw new IllegalArgumentException("invalid block " + number);
        }
        transactions = List.copyOf(transactions);
    }

    /** Ethereum's block timestamp: seconds ({@code timestampMillis / 1000}). */
    public long timestamp() {
        return timestampMillis / 1000;
    }
}
