package seqpool.sequencer.rpc;

import seqpool.api.common.Hash32;

/**
 * An {@code eth_getLogs} query with its block range already resolved and checked by the server
 * ({@code fromBlock <= toBlock <= head}, at most the configured number of blocks). When the request named a block by
 * hash, {@code blockHash} is that hash and the range is that one block: the backend returns nothing if the block at
 * that height no longer has that hash.
 */
public record LogFilter(long fromBlock, long toBlock, Hash32 blockHash, LogCriteria criteria) {
    public LogFilter {
        if (fromBlock < 0 || toBlock < fromBlock || criteria == null) {
            throw new IllegalArgumentException("invalid log filter " + fromBlock + ".." + toBlock);
        }
        if (blockHash != null && fromBlock != toBlock) {
            throw new IllegalArgumentException("a block-hash filter covers one block");
        }
    }
}
