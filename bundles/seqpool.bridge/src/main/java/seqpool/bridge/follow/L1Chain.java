package seqpool.bridge.follow;

import java.util.List;

import seqpool.api.common.Address;

/**
 * What the Listener reads from L1. Implemented over web3j in {@code seqpool.bridge.l1} (plain, and wrapped with
 * retries) and by an in-memory chain in tests. Each call answers from the node's canonical chain at that moment;
 * nothing ties two calls together, which is why {@link RangeVerifier} checks the answers against each other.
 */
public interface L1Chain {
    /** {@code eth_chainId}. */
    long chainId() throws L1Exception;

    /** {@code eth_blockNumber}. */
    long headNumber() throws L1Exception;

    /** {@code eth_getBlockByNumber(number, false)}; a block the node does not have is an {@link L1Exception}. */
    BlockHeader header(long number) throws L1Exception;

    /** {@code eth_getLogs} over the range for the contracts, in the node's order. */
    List<RawLog> logs(BlockRange range, List<Address> contracts) throws L1Exception;
}
