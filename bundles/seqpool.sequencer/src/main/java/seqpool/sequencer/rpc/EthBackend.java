package seqpool.sequencer.rpc;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;

/**
 * What the JSON-RPC server asks of the node: its L2 chain, mempool and execution engine. The server validates every
 * parameter before calling (addresses are 20 bytes, hashes 32, quantities in range, block ranges checked), calls from
 * its worker threads (never from netty's I/O threads, possibly concurrently), and turns an
 * {@link EthBackendException} into a JSON-RPC error with its code and message. Any other exception becomes
 * {@code -32603 internal error} without its message. Implementations must be thread-safe; they may block (the
 * server's worker pool is bounded and each request has a timeout).
 */
public interface EthBackend {
    /** {@code eth_chainId} (and {@code net_version} in decimal): the L2 chain id. */
    long chainId();

    /** {@code web3_clientVersion}, e.g. {@code seqpool/1.0.0/java-17}. */
    String clientVersion();

    /** {@code eth_blockNumber}: the number of the node's head block. */
    long blockNumber();

    /**
     * The number of the block a selector names now, or empty if there is none: a tag as documented on
     * {@link BlockTag}, a number if that block exists, a hash if that block is on the node's chain.
     */
    OptionalLong resolveBlockNumber(BlockSelector block);

    /**
     * The block with this number: on the node's chain, or the pending block if {@link #resolveBlockNumber} named its
     * number for {@code pending}.
     */
    Optional<RpcBlock> blockByNumber(long number);

    Optional<RpcBlock> blockByHash(Hash32 hash);

    /** A transaction included in the chain or waiting in the mempool (then without inclusion). */
    Optional<RpcTransaction> transactionByHash(Hash32 hash);

    /** The receipt of an included transaction. */
    Optional<RpcReceipt> receipt(Hash32 transactionHash);

    /**
     * Offers a signed transaction (RLP or typed envelope) to the mempool, which forwards it to the producer.
     *
     * @return its hash
     * @throws EthBackendException {@link EthBackendException#txRejected} with the reason clients parse
     */
    Hash32 sendRawTransaction(Bytes rawTransaction) throws EthBackendException;

    /** Balance in wei at a block; {@code pending} may mean the latest state. */
    BigInteger balance(Address account, BlockSelector block) throws EthBackendException;

    /** The account nonce at a block; at {@code pending} it counts the account's transactions in the mempool too. */
    long transactionCount(Address account, BlockSelector block) throws EthBackendException;

    Bytes code(Address account, BlockSelector block) throws EthBackendException;

    /** The 32-byte storage word at {@code slot} (32 bytes, left-padded by the server). */
    Bytes storageAt(Address account, Bytes slot, BlockSelector block) throws EthBackendException;

    /**
     * Executes a call on the state of a block without making a transaction.
     *
     * @return the return data
     * @throws EthBackendException {@link EthBackendException#reverted} with the revert bytes on a revert
     */
    Bytes call(CallRequest call, BlockSelector block) throws EthBackendException;

    /** Gas the transaction needs; {@link EthBackendException#reverted} if it reverts at any gas. */
    long estimateGas(CallRequest call, BlockSelector block) throws EthBackendException;

    /** {@code eth_gasPrice}: a legacy gas price that gets a transaction included soon (base fee + tip). */
    BigInteger gasPrice();

    /** {@code eth_maxPriorityFeePerGas}: a tip that gets a transaction included soon. */
    BigInteger maxPriorityFeePerGas();

    /**
     * Fee data of blocks {@code oldestBlock..newestBlock} (both exist, at most the configured count), with one reward
     * per percentile (ascending, 0..100) for each block when {@code rewardPercentiles} is not empty.
     */
    FeeHistory feeHistory(long oldestBlock, long newestBlock, List<Double> rewardPercentiles)
            throws EthBackendException;

    /**
     * Logs in the filter's range that match its criteria, in chain order, at most {@code limit}: the server passes its
     * result limit plus one and refuses the query ({@code -32005}) when it gets that many, so stop there.
     */
    List<RpcLog> logs(LogFilter filter, int limit) throws EthBackendException;

    /**
     * Tells {@code listener} of every head change from now on, in chain order, until the returned handle is closed.
     * The listener returns quickly (it only queues the event); it may be called on the node's sequencer thread.
     */
    AutoCloseable subscribeHeads(Consumer<HeadEvent> listener);
}
