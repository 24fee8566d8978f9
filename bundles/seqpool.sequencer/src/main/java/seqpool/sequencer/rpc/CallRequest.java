package seqpool.sequencer.rpc;

import java.math.BigInteger;
import java.util.List;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;

/**
 * The transaction object of {@code eth_call} and {@code eth_estimateGas} (execution-apis {@code GenericTransaction});
 * every field is optional ({@code null} when the request left it out) and the backend fills in defaults.
 *
 * @param to null for a contract creation
 * @param input the call data (sent as {@code input} or, by older clients such as web3j, as {@code data})
 */
public record CallRequest(Address from, Address to, Long gas, BigInteger gasPrice, BigInteger maxFeePerGas,
        BigInteger maxPriorityFeePerGas, BigInteger value, Bytes input, Long nonce, Integer type, Long chainId,
        List<RpcTransaction.AccessListEntry> accessList) {
    public CallRequest {
        accessList = accessList == null ? null : List.copyOf(accessList);
    }
}
