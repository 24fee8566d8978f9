package seqpool.sequencer.rpc;

import java.math.BigInteger;
import java.util.List;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;

/**
 * A transaction receipt (execution-apis {@code ReceiptInfo}).
 *
 * @param to null for a contract creation
 * @param contractAddress the created contract, else null
 * @param success {@code status} 1 (true) or 0
 * @param logsBloom 256 bytes
 */
public record RpcReceipt(Hash32 transactionHash, int transactionIndex, Hash32 blockHash, long blockNumber, Address from,
        Address to, long cumulativeGasUsed, long gasUsed, BigInteger effectiveGasPrice, Address contractAddress,
        List<RpcLog> logs, Bytes logsBloom, int type, boolean success) {
    public RpcReceipt {
        if (transactionHash == null || blockHash == null || from == null || effectiveGasPrice == null || logs == null) {
            throw new IllegalArgumentException("missing receipt field");
        }
        if (logsBloom == null || logsBloom.size() != 256) {
            throw new IllegalArgumentException("logsBloom must be 256 bytes");
        }
        if (transactionIndex < 0 || blockNumber < 0 || cumulativeGasUsed < 0 || gasUsed < 0 || type < 0) {
            throw new IllegalArgumentException("invalid receipt of " + transactionHash);
        }
        logs = List.copyOf(logs);
    }
}
