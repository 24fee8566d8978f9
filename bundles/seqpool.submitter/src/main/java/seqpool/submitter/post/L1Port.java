package seqpool.submitter.post;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;

/**
 * What the poster needs from L1 and its BatchInbox. {@link IOException} means L1 did not answer (retried with
 * backoff); a revert or a refused transaction is an answer.
 */
public interface L1Port {
    /** Current fees in wei: base fee of the latest block, the suggested tip, and the blob base fee. */
    record Fees(BigInteger baseFee, BigInteger priorityFee, BigInteger blobBaseFee) {
    }

    /** A mined transaction: success or revert, the block that holds it, and what it cost. */
    record Receipt(boolean ok, long block, Hash32 blockHash, Cost cost) {
    }

    /** Gas and blob gas a mined transaction used, at the prices it paid (wei). */
    record Cost(long gasUsed, BigInteger gasPrice, long blobGasUsed, BigInteger blobGasPrice) {
        public static final Cost NONE = new Cost(0, BigInteger.ZERO, 0, BigInteger.ZERO);

        public BigInteger wei() {
            return gasPrice.multiply(BigInteger.valueOf(gasUsed))
                    .add(blobGasPrice.multiply(BigInteger.valueOf(blobGasUsed)));
        }
    }

    /** A dry run of the batch transaction: the gas it needs, or why it would revert (decoded when possible). */
    record Estimate(long gas, Optional<String> revert) {
    }

    long chainId() throws IOException;

    /** BatchInbox.lastBatchIndex() at the latest L1 block. */
    long lastBatchIndex() throws IOException;

    /** eth_estimateGas of {@code appendBatch} calldata, with the blobs' versioned hashes for a blob batch. */
    Estimate estimate(Bytes calldata, List<Hash32> blobHashes) throws IOException;

    Fees fees() throws IOException;

    /** The account's next nonce counting its pending transactions. */
    long pendingNonce() throws IOException;

    /**
     * eth_sendRawTransaction.
     *
     * @return empty when accepted, else L1's refusal (e.g. "nonce too low", "replacement transaction underpriced")
     */
    Optional<String> send(Bytes rawTransaction) throws IOException;

    Optional<Receipt> receipt(Hash32 transaction) throws IOException;

    /** The hash of the canonical L1 block {@code number}, empty above the head. */
    Optional<Hash32> blockHash(long number) throws IOException;

    /** The number of L1's {@code finalized} block. */
    long finalizedBlock() throws IOException;
}
